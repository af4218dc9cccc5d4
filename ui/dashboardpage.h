// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "service/routerservice.h"

#include <QUrl>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

class QScrollArea;

namespace signalbox {

class GateLampsView;
class RateChart;
class SpendBreakdown;
class SpendChart;

// The overview: the endpoint, today's spend and requests, a lamp per gate, the spend and request
// rate charts, spend by model and by stage, and the events of this session.
class DashboardPage : public QWidget {
    Q_OBJECT

public:
    explicit DashboardPage(RouterService *service, QWidget *parent = nullptr);

    GateLampsView *gateLamps() const { return m_lamps; }
    SpendChart *spendChart() const { return m_spendChart; }
    RateChart *rateChart() const { return m_rateChart; }
    QListWidget *events() const { return m_events; }

    static constexpr int MaxEvents = 200;

public slots:
    void addEvent(const QString &message);

signals:
    // A short confirmation for the status bar.
    void statusMessage(const QString &message);

private:
    QWidget *createHeader();
    QWidget *createLampsArea();
    void fitLampsArea();
    QWidget *createCharts();
    QWidget *createBreakdowns();
    void showEndpoint(const QUrl &endpoint);
    void showUsage(const UsageSummary &today);
    void showBudget(const SpendSeries &series);
    void copyEndpoint();

    RouterService *m_service;
    QString m_endpointText;
    QLabel *m_endpointLabel = nullptr;
    QPushButton *m_copyButton = nullptr;
    QLabel *m_spendLabel = nullptr;
    QLabel *m_budgetLabel = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_tokensLabel = nullptr;
    GateLampsView *m_lamps = nullptr;
    QScrollArea *m_lampsArea = nullptr; // shows three rows of lamps, scrolls the rest
    SpendChart *m_spendChart = nullptr;
    RateChart *m_rateChart = nullptr;
    SpendBreakdown *m_byModel = nullptr;
    SpendBreakdown *m_byStage = nullptr;
    QListWidget *m_events = nullptr;
};

// The address clients use as their base URL: the endpoint with /v1.
QString baseUrlText(const QUrl &endpoint);

} // namespace signalbox
