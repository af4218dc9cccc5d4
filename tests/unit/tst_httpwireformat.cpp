// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "http/httpwireformat.h"
#include "http/ssewriter.h"

#include <QTest>

using namespace signalbox;

class TestHttpWireFormat : public QObject {
    Q_OBJECT

private slots:
    void sseEventFormats_data();
    void sseEventFormats();
    void chunkFraming_data();
    void chunkFraming();
    void responseHeadDropsFramingHeaders();
    void unknownStatusHasReason();
};

void TestHttpWireFormat::sseEventFormats_data() {
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("eventName");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("data only") << QByteArray(R"({"a":1})") << QByteArray()
                               << QByteArray("data: {\"a\":1}\n\n");
    QTest::newRow("named event") << QByteArray("{}") << QByteArray("message_start")
                                 << QByteArray("event: message_start\ndata: {}\n\n");
    QTest::newRow("done marker") << QByteArray("[DONE]") << QByteArray()
                                 << QByteArray("data: [DONE]\n\n");
    QTest::newRow("multi-line data")
        << QByteArray("one\ntwo") << QByteArray() << QByteArray("data: one\ndata: two\n\n");
    QTest::newRow("empty data") << QByteArray() << QByteArray("ping")
                                << QByteArray("event: ping\ndata: \n\n");
}

void TestHttpWireFormat::sseEventFormats() {
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, eventName);
    QFETCH(QByteArray, expected);

    QCOMPARE(sseEvent(data, eventName), expected);
}

void TestHttpWireFormat::chunkFraming_data() {
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("short") << QByteArray("hello") << QByteArray("5\r\nhello\r\n");
    QTest::newRow("hex size") << QByteArray(26, 'x') << "1a\r\n" + QByteArray(26, 'x') + "\r\n";
}

void TestHttpWireFormat::chunkFraming() {
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, expected);

    QCOMPARE(formatChunk(data), expected);
}

void TestHttpWireFormat::responseHeadDropsFramingHeaders() {
    const HttpHeaders headers{{"Content-Type", "application/json"},
                              {"content-length", "5"},
                              {"Transfer-Encoding", "gzip"},
                              {"connection", "close"},
                              {"x-signalbox-model", "m"}};
    const QByteArray head = formatResponseHead(404, headers, "Content-Length: 2\r\n");

    QCOMPARE(head, QByteArray("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\n"
                              "x-signalbox-model: m\r\nContent-Length: 2\r\n\r\n"));
}

void TestHttpWireFormat::unknownStatusHasReason() {
    QVERIFY(formatResponseHead(299, {}, {}).startsWith("HTTP/1.1 299 Unknown\r\n"));
    QVERIFY(statusForbidsBody(204));
    QVERIFY(statusForbidsBody(101));
    QVERIFY(!statusForbidsBody(200));
}

QTEST_APPLESS_MAIN(TestHttpWireFormat)
#include "tst_httpwireformat.moc"
