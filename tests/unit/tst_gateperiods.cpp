// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "gating/budgetcalendar.h"

#include <QTest>

using namespace signalbox;

namespace {

QDateTime utc(const char *text) {
    QDateTime instant = QDateTime::fromString(QString::fromLatin1(text), Qt::ISODateWithMs);
    instant.setTimeZone(QTimeZone::utc());
    return instant;
}

BudgetCalendar calendar(const QString &zone, int resetHour) {
    const Result<BudgetCalendar> created = BudgetCalendar::create(zone, resetHour);
    if (!created)
        qFatal("%s", qPrintable(created.error()));
    return created.value();
}

void addPeriodColumns() {
    QTest::addColumn<QString>("zone");
    QTest::addColumn<int>("resetHour");
    QTest::addColumn<QDateTime>("instant");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QDateTime>("start");
    QTest::addColumn<QDateTime>("end");
}

} // namespace

class GatePeriodsTest : public QObject {
    Q_OBJECT

private slots:
    void day_data();
    void day();
    void month_data();
    void month();
    void dayBoundaryExact_data();
    void dayBoundaryExact();
    void localZone();
    void invalidSettings_data();
    void invalidSettings();
    void cachedPeriodFollowsInstant();
};

void GatePeriodsTest::day_data() {
    addPeriodColumns();
    const QString berlin = QStringLiteral("Europe/Berlin");
    const QString newYork = QStringLiteral("America/New_York");

    // clang-format off
    QTest::newRow("berlin winter day")
        << berlin << 0 << utc("2026-12-04T12:00:00") << "2026-12-04"
        << utc("2026-12-03T23:00:00") << utc("2026-12-04T23:00:00");
    QTest::newRow("berlin spring forward, 23 h")
        << berlin << 0 << utc("2026-03-29T10:00:00") << "2026-03-29"
        << utc("2026-03-28T23:00:00") << utc("2026-03-29T22:00:00");
    QTest::newRow("berlin fall back, 25 h")
        << berlin << 0 << utc("2026-10-25T10:00:00") << "2026-10-25"
        << utc("2026-10-24T22:00:00") << utc("2026-10-25T23:00:00");
    QTest::newRow("berlin reset 4 before the hour")
        << berlin << 4 << utc("2026-12-05T02:59:59") << "2026-12-04"
        << utc("2026-12-04T03:00:00") << utc("2026-12-05T03:00:00");
    QTest::newRow("berlin reset 4 at the hour")
        << berlin << 4 << utc("2026-12-05T03:00:00") << "2026-12-05"
        << utc("2026-12-05T03:00:00") << utc("2026-12-06T03:00:00");
    QTest::newRow("berlin reset 4 spring day, 23 h")
        << berlin << 4 << utc("2026-03-28T12:00:00") << "2026-03-28"
        << utc("2026-03-28T03:00:00") << utc("2026-03-29T02:00:00");
    QTest::newRow("berlin reset 4 fall day, 25 h")
        << berlin << 4 << utc("2026-10-25T01:30:00") << "2026-10-24"
        << utc("2026-10-24T02:00:00") << utc("2026-10-25T03:00:00");
    QTest::newRow("berlin reset 2 skipped, starts at the jump")
        << berlin << 2 << utc("2026-03-29T01:30:00") << "2026-03-29"
        << utc("2026-03-29T01:00:00") << utc("2026-03-30T00:00:00");
    QTest::newRow("berlin reset 2 in the gap instant before")
        << berlin << 2 << utc("2026-03-29T00:59:59") << "2026-03-28"
        << utc("2026-03-28T01:00:00") << utc("2026-03-29T01:00:00");
    QTest::newRow("berlin reset 2 repeated, first occurrence")
        << berlin << 2 << utc("2026-10-25T00:30:00") << "2026-10-25"
        << utc("2026-10-25T00:00:00") << utc("2026-10-26T01:00:00");
    QTest::newRow("new york spring forward, 23 h")
        << newYork << 0 << utc("2026-03-08T12:00:00") << "2026-03-08"
        << utc("2026-03-08T05:00:00") << utc("2026-03-09T04:00:00");
    QTest::newRow("new york fall back, 25 h")
        << newYork << 0 << utc("2026-11-01T12:00:00") << "2026-11-01"
        << utc("2026-11-01T04:00:00") << utc("2026-11-02T05:00:00");
    QTest::newRow("new york evening is the same day")
        << newYork << 0 << utc("2026-12-05T03:00:00") << "2026-12-04"
        << utc("2026-12-04T05:00:00") << utc("2026-12-05T05:00:00");
    QTest::newRow("new york reset 2 skipped")
        << newYork << 2 << utc("2026-03-08T08:00:00") << "2026-03-08"
        << utc("2026-03-08T07:00:00") << utc("2026-03-09T06:00:00");
    QTest::newRow("utc")
        << QStringLiteral("UTC") << 0 << utc("2026-12-04T00:00:00") << "2026-12-04"
        << utc("2026-12-04T00:00:00") << utc("2026-12-05T00:00:00");
    // clang-format on
}

void GatePeriodsTest::day() {
    QFETCH(QString, zone);
    QFETCH(int, resetHour);
    QFETCH(QDateTime, instant);
    QFETCH(QString, key);
    QFETCH(QDateTime, start);
    QFETCH(QDateTime, end);

    const BudgetPeriodBounds bounds = calendar(zone, resetHour).dayAt(instant);
    QCOMPARE(bounds.key, key);
    QCOMPARE(bounds.start.toUTC(), start);
    QCOMPARE(bounds.end.toUTC(), end);
    QVERIFY(bounds.start <= instant);
    QVERIFY(instant < bounds.end);
}

void GatePeriodsTest::month_data() {
    addPeriodColumns();
    const QString berlin = QStringLiteral("Europe/Berlin");

    // clang-format off
    QTest::newRow("berlin first minutes of december")
        << berlin << 0 << utc("2026-11-30T23:30:00") << "2026-12"
        << utc("2026-11-30T23:00:00") << utc("2026-12-31T23:00:00");
    QTest::newRow("berlin last minute of november")
        << berlin << 0 << utc("2026-11-30T22:59:59") << "2026-11"
        << utc("2026-10-31T23:00:00") << utc("2026-11-30T23:00:00");
    QTest::newRow("berlin reset 4 on the 1st before the hour")
        << berlin << 4 << utc("2026-12-01T02:00:00") << "2026-11"
        << utc("2026-11-01T03:00:00") << utc("2026-12-01T03:00:00");
    QTest::newRow("berlin march spans the DST change")
        << berlin << 0 << utc("2026-03-15T12:00:00") << "2026-03"
        << utc("2026-02-28T23:00:00") << utc("2026-03-31T22:00:00");
    QTest::newRow("berlin new year")
        << berlin << 0 << utc("2026-12-31T23:00:00") << "2027-01"
        << utc("2026-12-31T23:00:00") << utc("2027-01-31T23:00:00");
    QTest::newRow("new york november")
        << QStringLiteral("America/New_York") << 0 << utc("2026-11-15T12:00:00") << "2026-11"
        << utc("2026-11-01T04:00:00") << utc("2026-12-01T05:00:00");
    // clang-format on
}

void GatePeriodsTest::month() {
    QFETCH(QString, zone);
    QFETCH(int, resetHour);
    QFETCH(QDateTime, instant);
    QFETCH(QString, key);
    QFETCH(QDateTime, start);
    QFETCH(QDateTime, end);

    const BudgetPeriodBounds bounds = calendar(zone, resetHour).monthAt(instant);
    QCOMPARE(bounds.key, key);
    QCOMPARE(bounds.start.toUTC(), start);
    QCOMPARE(bounds.end.toUTC(), end);
}

void GatePeriodsTest::dayBoundaryExact_data() {
    QTest::addColumn<QString>("zone");
    QTest::addColumn<int>("resetHour");
    QTest::addColumn<QDateTime>("boundary");
    QTest::addColumn<QString>("keyBefore");
    QTest::addColumn<QString>("keyAfter");

    // clang-format off
    QTest::newRow("berlin midnight")        << QStringLiteral("Europe/Berlin")    << 0 << utc("2026-12-04T23:00:00") << "2026-12-04" << "2026-12-05";
    QTest::newRow("berlin after spring")    << QStringLiteral("Europe/Berlin")    << 0 << utc("2026-03-29T22:00:00") << "2026-03-29" << "2026-03-30";
    QTest::newRow("berlin after fall back") << QStringLiteral("Europe/Berlin")    << 0 << utc("2026-10-25T23:00:00") << "2026-10-25" << "2026-10-26";
    QTest::newRow("berlin reset 4")         << QStringLiteral("Europe/Berlin")    << 4 << utc("2026-12-05T03:00:00") << "2026-12-04" << "2026-12-05";
    QTest::newRow("new york midnight")      << QStringLiteral("America/New_York") << 0 << utc("2026-12-05T05:00:00") << "2026-12-04" << "2026-12-05";
    // clang-format on
}

void GatePeriodsTest::dayBoundaryExact() {
    QFETCH(QString, zone);
    QFETCH(int, resetHour);
    QFETCH(QDateTime, boundary);
    QFETCH(QString, keyBefore);
    QFETCH(QString, keyAfter);

    const BudgetCalendar days = calendar(zone, resetHour);
    QCOMPARE(days.dayAt(boundary.addMSecs(-1)).key, keyBefore);
    QCOMPARE(days.dayAt(boundary).key, keyAfter);
}

void GatePeriodsTest::localZone() {
    // "local" follows the system time zone, which Qt reads from TZ.
    const QByteArray savedTz = qgetenv("TZ");
    qputenv("TZ", "Asia/Tokyo");
    const BudgetCalendar local = calendar(QStringLiteral("local"), 0);
    if (savedTz.isNull())
        qunsetenv("TZ");
    else
        qputenv("TZ", savedTz);

    QCOMPARE(local.timeZone().id(), QByteArray("Asia/Tokyo"));
    // 16:00 UTC is 01:00 the next day in Tokyo (UTC+9, no DST).
    const BudgetPeriodBounds bounds = local.dayAt(utc("2026-12-04T16:00:00"));
    QCOMPARE(bounds.key, QStringLiteral("2026-12-05"));
    QCOMPARE(bounds.start.toUTC(), utc("2026-12-04T15:00:00"));
}

void GatePeriodsTest::invalidSettings_data() {
    QTest::addColumn<QString>("zone");
    QTest::addColumn<int>("resetHour");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("unknown zone") << QStringLiteral("Mars/Olympus") << 0
                                  << QStringLiteral("time zone 'Mars/Olympus' is unknown");
    QTest::newRow("hour 24") << QStringLiteral("UTC") << 24 << QStringLiteral("reset hour 24");
    QTest::newRow("hour -1") << QStringLiteral("UTC") << -1 << QStringLiteral("reset hour -1");
}

void GatePeriodsTest::invalidSettings() {
    QFETCH(QString, zone);
    QFETCH(int, resetHour);
    QFETCH(QString, messagePart);

    const Result<BudgetCalendar> created = BudgetCalendar::create(zone, resetHour);
    QVERIFY(!created.ok());
    QVERIFY2(created.error().contains(messagePart), qPrintable(created.error()));
}

// One calendar asked about instants on both sides of a boundary, and back, answers each from
// its own period: the cached period is reused only while it contains the instant.
void GatePeriodsTest::cachedPeriodFollowsInstant() {
    const BudgetCalendar berlin = calendar(QStringLiteral("Europe/Berlin"), 6);
    const QDateTime beforeReset = utc("2026-03-31T03:59:59.999Z"); // 05:59:59.999 in Berlin
    const QDateTime atReset = utc("2026-03-31T04:00:00.000Z");

    QCOMPARE(berlin.dayAt(beforeReset).key, QStringLiteral("2026-03-30"));
    QCOMPARE(berlin.dayAt(beforeReset).key, QStringLiteral("2026-03-30"));
    QCOMPARE(berlin.dayAt(atReset).key, QStringLiteral("2026-03-31"));
    QCOMPARE(berlin.dayAt(beforeReset).key, QStringLiteral("2026-03-30"));
    QCOMPARE(berlin.dayAt(atReset).end, utc("2026-04-01T04:00:00.000Z"));

    QCOMPARE(berlin.monthAt(beforeReset).key, QStringLiteral("2026-03"));
    QCOMPARE(berlin.monthAt(utc("2026-04-01T04:00:00.000Z")).key, QStringLiteral("2026-04"));
    QCOMPARE(berlin.monthAt(utc("2026-04-01T03:59:59.999Z")).key, QStringLiteral("2026-03"));
}

QTEST_APPLESS_MAIN(GatePeriodsTest)
#include "tst_gateperiods.moc"
