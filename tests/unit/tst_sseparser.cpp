// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "providers/sseparser.h"

#include <QTest>

using signalbox::SseEvent;
using signalbox::SseParser;

namespace {

// Events as "event|data" strings, so a failed comparison prints both lists readably.
QStringList describe(const QList<SseEvent> &events) {
    QStringList lines;
    for (const SseEvent &event : events)
        lines << QString::fromUtf8(event.event + '|' + event.data);
    return lines;
}

QList<SseEvent> feedWhole(const QByteArray &input) {
    SseParser parser;
    QList<SseEvent> events = parser.feed(input);
    events += parser.finish();
    return events;
}

QList<SseEvent> feedByteByByte(const QByteArray &input) {
    SseParser parser;
    QList<SseEvent> events;
    for (qsizetype i = 0; i < input.size(); ++i)
        events += parser.feed(QByteArrayView(input).sliced(i, 1));
    events += parser.finish();
    return events;
}

} // namespace

class TestSseParser : public QObject {
    Q_OBJECT

private slots:
    void parseWhole_data();
    void parseWhole();
    void parseByteByByte_data();
    void parseByteByByte();
    void parseInEverySplit();
    void eventsCompleteOnBlankLine();
    void crAtFeedEndThenLf();
    void oversizedEventStopsParser_data();
    void oversizedEventStopsParser();
};

void TestSseParser::parseWhole_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("openai chunks")
        << QByteArray("data: {\"a\":1}\n\ndata: [DONE]\n\n")
        << QStringList{QStringLiteral("|{\"a\":1}"), QStringLiteral("|[DONE]")};
    QTest::newRow("crlf") << QByteArray("data: x\r\n\r\ndata: y\r\n\r\n")
                          << QStringList{QStringLiteral("|x"), QStringLiteral("|y")};
    QTest::newRow("cr only") << QByteArray("data: x\r\rdata: y\r\r")
                             << QStringList{QStringLiteral("|x"), QStringLiteral("|y")};
    QTest::newRow("keep-alive comment")
        << QByteArray(": keep-alive\n\ndata: x\n\n") << QStringList{QStringLiteral("|x")};
    QTest::newRow("openrouter comment")
        << QByteArray(": OPENROUTER PROCESSING\n\n: OPENROUTER PROCESSING\n\ndata: x\n\n")
        << QStringList{QStringLiteral("|x")};
    QTest::newRow("comment inside an event")
        << QByteArray("data: a\n: note\ndata: b\n\n") << QStringList{QStringLiteral("|a\nb")};
    QTest::newRow("multi-line data") << QByteArray("data: one\ndata: two\ndata: three\n\n")
                                     << QStringList{QStringLiteral("|one\ntwo\nthree")};
    QTest::newRow("no space after colon")
        << QByteArray("data:x\n\n") << QStringList{QStringLiteral("|x")};
    QTest::newRow("only one space removed")
        << QByteArray("data:  x\n\n") << QStringList{QStringLiteral("| x")};
    QTest::newRow("named events")
        << QByteArray("event: message_start\ndata: {}\n\nevent: ping\ndata: {}\n\n")
        << QStringList{QStringLiteral("message_start|{}"), QStringLiteral("ping|{}")};
    QTest::newRow("event without data dropped")
        << QByteArray("event: ping\n\ndata: x\n\n") << QStringList{QStringLiteral("|x")};
    QTest::newRow("empty data line kept")
        << QByteArray("data:\n\n") << QStringList{QStringLiteral("|")};
    QTest::newRow("id and retry ignored")
        << QByteArray("id: 7\nretry: 100\ndata: x\n\n") << QStringList{QStringLiteral("|x")};
    QTest::newRow("field without colon")
        << QByteArray("data\n\n") << QStringList{QStringLiteral("|")};
    QTest::newRow("extra blank lines")
        << QByteArray("\n\n\ndata: x\n\n\n\n") << QStringList{QStringLiteral("|x")};
    QTest::newRow("last blank line missing")
        << QByteArray("data: x\n\ndata: y\n")
        << QStringList{QStringLiteral("|x"), QStringLiteral("|y")};
    QTest::newRow("colon inside json") << QByteArray("data: {\"k\":\"a: b\"}\n\n")
                                       << QStringList{QStringLiteral("|{\"k\":\"a: b\"}")};
    QTest::newRow("utf-8 text") << QByteArray("data: {\"c\":\"h\xc3\xa9llo \xe2\x82\xac\"}\n\n")
                                << QStringList{
                                       QString::fromUtf8("|{\"c\":\"h\xc3\xa9llo \xe2\x82\xac\"}")};
}

void TestSseParser::parseWhole() {
    QFETCH(QByteArray, input);
    QFETCH(QStringList, expected);

    QCOMPARE(describe(feedWhole(input)), expected);
}

void TestSseParser::parseByteByByte_data() {
    parseWhole_data();
}

void TestSseParser::parseByteByByte() {
    QFETCH(QByteArray, input);
    QFETCH(QStringList, expected);

    QCOMPARE(describe(feedByteByByte(input)), expected);
}

void TestSseParser::parseInEverySplit() {
    const QByteArray input("data: {\"a\":1}\r\n\r\n: keep-alive\r\n\r\ndata: b\r\ndata: c\r\n\r\n");
    const QStringList expected{QStringLiteral("|{\"a\":1}"), QStringLiteral("|b\nc")};

    for (qsizetype split = 0; split <= input.size(); ++split) {
        SseParser parser;
        QList<SseEvent> events = parser.feed(QByteArrayView(input).first(split));
        events += parser.feed(QByteArrayView(input).sliced(split));
        QCOMPARE(describe(events), expected);
    }
}

void TestSseParser::eventsCompleteOnBlankLine() {
    SseParser parser;

    QVERIFY(parser.feed("data: x\n").isEmpty());
    const QList<SseEvent> events = parser.feed("\n");

    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().data, QByteArray("x"));
}

void TestSseParser::crAtFeedEndThenLf() {
    SseParser parser;

    QVERIFY(parser.feed("data: x\r").isEmpty());
    QCOMPARE(parser.feed("\n\r").size(), 1);
    QCOMPARE(parser.feed("\ndata: y\r\n\r\n").size(), 1);
}

void TestSseParser::oversizedEventStopsParser_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("overflows");

    QTest::newRow("event at the limit")
        << QByteArray("data: " + QByteArray(58, 'x') + "\n\n") << false;
    QTest::newRow("line that never ends") << QByteArray("data: " + QByteArray(100, 'x')) << true;
    QTest::newRow("many short data lines")
        << QByteArray(QByteArray("data: 0123456789\n").repeated(10)) << true;
}

// A limit of 64 bytes stands for the 8 MiB default: past it the event is dropped and nothing
// after it is parsed.
void TestSseParser::oversizedEventStopsParser() {
    QFETCH(QByteArray, input);
    QFETCH(bool, overflows);

    SseParser parser(64);
    QList<SseEvent> events = parser.feed(input);
    QCOMPARE(parser.overflowed(), overflows);
    events += parser.feed("\n\ndata: after\n\n");
    events += parser.finish();
    if (overflows) {
        QVERIFY2(events.isEmpty(), qPrintable(describe(events).join(QLatin1Char(';'))));
        return;
    }
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.first().data.size(), 58);
    QCOMPARE(events.last().data, QByteArray("after"));
}

QTEST_APPLESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
