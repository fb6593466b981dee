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
        <location filename="../src/widgets/main_window.cpp" line="+1179"/>
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
<context>
    <name>closelab::widgets::PracticePanel</name>
    <message numerus="yes">
        <location filename="../src/widgets/practice_panel.cpp" line="+737"/>
        <source>⚠ %n answer(s) you were sure of were wrong.</source>
        <translation>
            <numerusform>⚠ %n answer you were sure of was wrong.</numerusform>
            <numerusform>⚠ %n answers you were sure of were wrong.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+266"/>
        <source>%n answer(s) so far; %1 due for review today.</source>
        <translation>
            <numerusform>%n answer so far; %1 due for review today.</numerusform>
            <numerusform>%n answers so far; %1 due for review today.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+80"/>
        <source>%n question file(s) could not be read and are left out (closelab-cli quiz check names the problems):</source>
        <translation>
            <numerusform>%n question file could not be read and is left out (closelab-cli quiz check names the problem):</numerusform>
            <numerusform>%n question files could not be read and are left out (closelab-cli quiz check names the problems):</numerusform>
        </translation>
    </message>
</context>
</TS>
