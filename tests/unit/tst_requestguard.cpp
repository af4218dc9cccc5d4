// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "api/requestguard.h"
#include "http/httprequest.h"

#include <QTest>

using namespace signalbox;

class RequestGuardTest : public QObject {
    Q_OBJECT

private slots:
    void hostWithoutPortParsed_data();
    void hostWithoutPortParsed();
    void hostChecked_data();
    void hostChecked();
    void originChecked_data();
    void originChecked();
    void accessTokenChecked_data();
    void accessTokenChecked();
    void unavailableTokenRejectsAll();
    void constantTimeComparison();
};

namespace {

HttpRequest requestWith(const QByteArray &host, const QByteArray &origin = {}) {
    HttpRequest request;
    request.method = "POST";
    request.path = "/v1/chat/completions";
    if (!host.isEmpty())
        request.headers.append({"Host", host});
    if (!origin.isEmpty())
        request.headers.append({"Origin", origin});
    return request;
}

RequestGuardPolicy loopbackPolicy() {
    RequestGuardPolicy policy;
    policy.listenAddress = QHostAddress(QStringLiteral("127.0.0.1"));
    policy.listenHost = QStringLiteral("127.0.0.1");
    return policy;
}

} // namespace

void RequestGuardTest::hostWithoutPortParsed_data() {
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("host");
    QTest::newRow("name and port") << QByteArray("localhost:8765") << QStringLiteral("localhost");
    QTest::newRow("address only") << QByteArray("127.0.0.1") << QStringLiteral("127.0.0.1");
    QTest::newRow("bracketed IPv6") << QByteArray("[::1]:8765") << QStringLiteral("::1");
    QTest::newRow("bare IPv6") << QByteArray("::1") << QStringLiteral("::1");
    QTest::newRow("spaces") << QByteArray(" example.com:80 ") << QStringLiteral("example.com");
}

void RequestGuardTest::hostWithoutPortParsed() {
    QFETCH(QByteArray, header);
    QFETCH(QString, host);
    QCOMPARE(hostWithoutPort(header), host);
}

void RequestGuardTest::hostChecked_data() {
    QTest::addColumn<QString>("listen");
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<bool>("allowed");

    QTest::newRow("loopback address") << "127.0.0.1" << QByteArray("127.0.0.1:8765") << true;
    QTest::newRow("localhost") << "127.0.0.1" << QByteArray("localhost:8765") << true;
    QTest::newRow("localhost upper case") << "127.0.0.1" << QByteArray("LOCALHOST") << true;
    QTest::newRow("sub.localhost") << "127.0.0.1" << QByteArray("app.localhost:8765") << true;
    QTest::newRow("IPv6 loopback") << "127.0.0.1" << QByteArray("[::1]:8765") << true;
    QTest::newRow("other loopback") << "127.0.0.1" << QByteArray("127.0.0.2:8765") << true;
    QTest::newRow("no Host header") << "127.0.0.1" << QByteArray() << true;
    QTest::newRow("rebound name") << "127.0.0.1" << QByteArray("attacker.example:8765") << false;
    QTest::newRow("look-alike name")
        << "127.0.0.1" << QByteArray("localhost.attacker.example") << false;
    QTest::newRow("LAN address on loopback bind")
        << "127.0.0.1" << QByteArray("192.168.1.5:8765") << false;
    QTest::newRow("configured LAN address")
        << "192.168.1.5" << QByteArray("192.168.1.5:8765") << true;
    QTest::newRow("wildcard bind, address") << "0.0.0.0" << QByteArray("10.0.0.7:8765") << true;
    QTest::newRow("wildcard bind, name") << "0.0.0.0" << QByteArray("attacker.example") << false;
}

void RequestGuardTest::hostChecked() {
    QFETCH(QString, listen);
    QFETCH(QByteArray, host);
    QFETCH(bool, allowed);

    RequestGuardPolicy policy;
    policy.listenAddress = QHostAddress(listen);
    policy.listenHost = listen;
    const std::optional<ApiError> refused = checkRequestOrigin(requestWith(host), policy);
    QCOMPARE(!refused.has_value(), allowed);
    if (refused) {
        QCOMPARE(refused->httpStatus, 403);
        QVERIFY2(refused->message.contains(hostWithoutPort(host)), qPrintable(refused->message));
    }
}

void RequestGuardTest::originChecked_data() {
    QTest::addColumn<QStringList>("allowedOrigins");
    QTest::addColumn<QByteArray>("origin");
    QTest::addColumn<bool>("allowed");

    QTest::newRow("no origin, as from SDKs and curl") << QStringList() << QByteArray() << true;
    QTest::newRow("any web page by default")
        << QStringList() << QByteArray("https://evil.example") << false;
    QTest::newRow("opaque origin") << QStringList() << QByteArray("null") << false;
    QTest::newRow("allowed origin") << QStringList{QStringLiteral("http://localhost:3000")}
                                    << QByteArray("http://localhost:3000") << true;
    QTest::newRow("other port of allowed host")
        << QStringList{QStringLiteral("http://localhost:3000")}
        << QByteArray("http://localhost:3001") << false;
    QTest::newRow("every origin when the user says so")
        << QStringList{QStringLiteral("*")} << QByteArray("https://app.example") << true;
}

void RequestGuardTest::originChecked() {
    QFETCH(QStringList, allowedOrigins);
    QFETCH(QByteArray, origin);
    QFETCH(bool, allowed);

    RequestGuardPolicy policy = loopbackPolicy();
    policy.allowedOrigins = allowedOrigins;
    const std::optional<ApiError> refused =
        checkRequestOrigin(requestWith("127.0.0.1:8765", origin), policy);
    QCOMPARE(!refused.has_value(), allowed);
    if (refused) {
        QCOMPARE(refused->code, QStringLiteral("forbidden_origin"));
        QVERIFY(refused->message.contains(QLatin1String("server.allowed_origins")));
    }
}

void RequestGuardTest::accessTokenChecked_data() {
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("allowed");

    QTest::newRow("bearer") << QByteArray("Authorization") << QByteArray("Bearer s3cret") << true;
    QTest::newRow("bearer lower case")
        << QByteArray("authorization") << QByteArray("bearer s3cret") << true;
    QTest::newRow("bearer with spaces")
        << QByteArray("Authorization") << QByteArray("  Bearer   s3cret ") << true;
    QTest::newRow("x-api-key") << QByteArray("x-api-key") << QByteArray("s3cret") << true;
    QTest::newRow("no header") << QByteArray() << QByteArray() << false;
    QTest::newRow("wrong token") << QByteArray("x-api-key") << QByteArray("s3cre7") << false;
    QTest::newRow("prefix") << QByteArray("x-api-key") << QByteArray("s3cre") << false;
    QTest::newRow("longer") << QByteArray("x-api-key") << QByteArray("s3crets") << false;
    QTest::newRow("basic scheme") << QByteArray("Authorization") << QByteArray("Basic czNjcmV0")
                                  << false;
    QTest::newRow("bearer without token")
        << QByteArray("Authorization") << QByteArray("Bearer") << false;
}

void RequestGuardTest::accessTokenChecked() {
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    QFETCH(bool, allowed);

    HttpRequest request = requestWith("127.0.0.1");
    if (!name.isEmpty())
        request.headers.append({name, value});
    RequestGuardPolicy policy = loopbackPolicy();

    // Without a token in the policy every request passes.
    QVERIFY(!checkAccessToken(request, policy));

    policy.accessToken = "s3cret";
    const std::optional<ApiError> denied = checkAccessToken(request, policy);
    QCOMPARE(!denied.has_value(), allowed);
    if (denied) {
        QCOMPARE(denied->httpStatus, 401);
        QCOMPARE(denied->code, QStringLiteral("invalid_api_key"));
        QVERIFY(!denied->message.contains(QLatin1String("s3cret")));
        // Either message names where a client puts the token, not only where it comes from.
        QVERIFY2(denied->message.contains(QLatin1String("'Authorization: Bearer")),
                 qPrintable(denied->message));
        QVERIFY2(denied->message.contains(QLatin1String("'x-api-key")),
                 qPrintable(denied->message));
    }
}

// While the config names a token that is not available, no request passes, not even one that
// carries the token the policy held before.
void RequestGuardTest::unavailableTokenRejectsAll() {
    const QString reason = QStringLiteral("the access token is still being read");
    for (const QByteArray &header : {QByteArray(), QByteArray("Bearer s3cret")}) {
        HttpRequest request = requestWith("127.0.0.1");
        if (!header.isEmpty())
            request.headers.append({QByteArray("Authorization"), header});
        RequestGuardPolicy policy = loopbackPolicy();
        policy.accessToken = "s3cret";
        policy.accessTokenUnavailable = reason;
        const std::optional<ApiError> denied = checkAccessToken(request, policy);
        QVERIFY(denied.has_value());
        QCOMPARE(denied->httpStatus, 503);
        QCOMPARE(denied->code, QStringLiteral("access_token_unavailable"));
        QCOMPARE(denied->message, reason);
    }
}

void RequestGuardTest::constantTimeComparison() {
    QVERIFY(equalInConstantTime("", ""));
    QVERIFY(equalInConstantTime("abc", "abc"));
    QVERIFY(!equalInConstantTime("abc", "abd"));
    QVERIFY(!equalInConstantTime("abc", "ab"));
    QVERIFY(!equalInConstantTime("ab", "abc"));
    QVERIFY(!equalInConstantTime("", "a"));
    // A byte that differs only in its top bit still counts.
    QVERIFY(!equalInConstantTime(QByteArray("\x80", 1), QByteArray("\x00", 1)));
}

QTEST_APPLESS_MAIN(RequestGuardTest)
#include "tst_requestguard.moc"
