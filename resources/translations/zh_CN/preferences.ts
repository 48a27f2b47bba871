<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>As the system ({language})</source>
        <translation>跟随系统（{language}）</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>The window opens again in the new language with your work as it is: the network, its weights, the data and the error curve. Only Undo starts afresh.</source>
        <translation>窗口会以新语言重新打开，你的工作保持原样：网络、权重、数据和误差曲线都在。只有撤销记录会重新开始。</translation>
    </message>
    <message>
        <source>No font on this computer can draw {language}. Install one (on Debian: sudo apt-get install {package}) and choose the language again.</source>
        <translation>这台电脑上没有能显示{language}的字体。请先安装一个（Debian 上：sudo apt-get install {package}），再重新选择语言。</translation>
    </message>
    <message>
        <source>The translation into {language} is missing from this copy of nnsim: reinstall it, or in a checkout run: python tools/translations.py build</source>
        <translation>这份 nnsim 缺少{language}的翻译文件：请重新安装 nnsim；如果是源码目录，请运行：python tools/translations.py build</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>change the language</source>
        <translation>更改语言</translation>
    </message>
</context>
</TS>
