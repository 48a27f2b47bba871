<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ClassroomDialog</name>
    <message>
        <source>Lesson with the exercise:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From a File...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include a lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lessons (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a lesson</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a lesson and press Start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your prediction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show Me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exercise: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You were at step {0} of this lesson: press Start to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lesson was not started: your work stays open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New to neural networks? These lessons go from one weight guessed by hand to backpropagation and Hopfield memories: you do each step yourself, predict the numbers, and nnsim checks them. Choose lesson 1 and press Start, or close this panel to explore on your own (Help &gt; Lessons brings it back).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a number, then press Check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not quite: it is {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The next step opens an example: save or discard your changes to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson done. Choose another, or carry on exploring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step {0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
