<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>NumberSetter</name>
    <message>
        <source>Set Bias</source>
        <translation>设置偏置</translation>
    </message>
    <message>
        <source>The bias of {0}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The weight from {0} to {1}:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
