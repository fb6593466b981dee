<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>closelab::widgets::LoadDataBuilder</name>
    <message numerus="yes">
        <location filename="../src/widgets/load_data_builder.cpp" line="+90"/>
        <source>%Ln usable port(s)</source>
        <translation>
            <numerusform>%Ln usable port</numerusform>
            <numerusform>%Ln usable ports</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln destination(s)</source>
        <translation>
            <numerusform>%Ln destination</numerusform>
            <numerusform>%Ln destinations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>closelab::widgets::MainWindow</name>
    <message numerus="yes">
        <location filename="../src/widgets/main_window.cpp" line="+988"/>
        <source>%Ln connection attempt(s), none failed</source>
        <translation>
            <numerusform>%Ln connection attempt, none failed</numerusform>
            <numerusform>%Ln connection attempts, none failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln connection attempt(s), %L1 failed</source>
        <translation>
            <numerusform>%Ln connection attempt, %L1 failed</numerusform>
            <numerusform>%Ln connection attempts, %L1 failed</numerusform>
        </translation>
    </message>
</context>
</TS>
