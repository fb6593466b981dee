<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AppInfo</name>
    <message>
        <location filename="../src/models/app_info.cpp" line="+8"/>
        <source>closelab — TCP close lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How TCP closes a connection, and what Linux really does around it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ladder</name>
    <message>
        <location filename="../qml/Ladder.qml" line="+8"/>
        <source>Ladder diagram</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>closelab::models::LanguageManager</name>
    <message>
        <location filename="../src/models/language_manager.cpp" line="+71"/>
        <source>Unknown language &apos;%1&apos;; choose one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The translation catalogue %1 is missing from this build.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>closelab::widgets::LingerEditor</name>
    <message>
        <location filename="../src/widgets/linger_editor.cpp" line="+56"/>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>l_onoff: close() lingers (or resets when the time is 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>l_linger: seconds close() waits for unsent data; 0 sends RST</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>closelab::widgets::PlaybackBar</name>
    <message>
        <location filename="../src/widgets/playback_bar.cpp" line="+94"/>
        <source>Drag to move through the whole run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Speed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Playback speed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>closelab::widgets::PortRangeEditor</name>
    <message>
        <location filename="../src/widgets/port_range_editor.cpp" line="+57"/>
        <source>Lowest ephemeral port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Highest ephemeral port</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>closelab::widgets::StatePlot</name>
    <message>
        <location filename="../src/widgets/state_plot.cpp" line="+166"/>
        <source>t = %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
