<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>signalbox::RequestsPage</name>
    <message numerus="yes">
        <source>Exported %n request(s) to %1</source>
        <translation>
            <numerusform>Exported %n request to %1</numerusform>
            <numerusform>Exported %n requests to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>signalbox::SpendBreakdown</name>
    <message numerus="yes">
        <source>%1 · %n request(s)</source>
        <translation>
            <numerusform>%1 · %n request</numerusform>
            <numerusform>%1 · %n requests</numerusform>
        </translation>
    </message>
</context>
</TS>
