<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>probe</name>
    <message>
        <source>Probe x = [{0}]: output [{1}]. Choose a sample to go back to the data.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
