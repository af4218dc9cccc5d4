// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "mainwindow.h"

#include "requesttablemodel.h"
#include "service/routerservice.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFont>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <cstdio>
#include <memory>

namespace signalbox {

namespace {

// Requests shown in the table when the screenshot is taken.
constexpr int ScreenshotRows = 8;

QLabel *figureLabel(QWidget *parent) {
    auto *label = new QLabel(parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.6);
    font.setBold(true);
    label->setFont(font);
    return label;
}

QWidget *captioned(const QString &caption, QLabel *figure, QWidget *parent) {
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *captionLabel = new QLabel(caption, box);
    captionLabel->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(captionLabel);
    layout->addWidget(figure);
    captionLabel->setBuddy(figure);
    return box;
}

} // namespace

MainWindow::MainWindow(RouterService *service, QWidget *parent)
    : QMainWindow(parent)
    , m_service(service)
    , m_requests(new RequestTableModel(this)) {
    setWindowTitle(tr("Signalbox"));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(16, 16, 16, 8);
    layout->setSpacing(12);
    layout->addWidget(createHeader());

    m_messageLabel = new QLabel(central);
    m_messageLabel->setWordWrap(true);
    m_messageLabel->hide();
    layout->addWidget(m_messageLabel);

    m_table = new QTableView(central);
    m_table->setModel(m_requests);
    m_table->setAccessibleName(tr("Recent requests"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);

    // The header sizes its automatic sections once, before any rows exist, so the columns are
    // fitted to their contents again whenever rows arrive; the user may still drag them.
    // The last column is left alone: resizing it by hand would end its stretch.
    const auto fitColumns = [this] {
        for (int column = 0; column < RequestTableModel::ColumnCount - 1; ++column)
            m_table->resizeColumnToContents(column);
    };
    connect(m_requests, &QAbstractItemModel::rowsInserted, m_table, fitColumns);
    connect(m_requests, &QAbstractItemModel::modelReset, m_table, fitColumns);
    layout->addWidget(m_table, 1);
    setCentralWidget(central);
    statusBar()->showMessage(tr("Starting the router…"));

    connect(service, &RouterService::ready, this, &MainWindow::showEndpoint);
    connect(service, &RouterService::startFailed, this, &MainWindow::showStartFailure);
    connect(service, &RouterService::usageChanged, this, &MainWindow::showUsage);
    connect(service, &RouterService::recentLoaded, m_requests, &RequestTableModel::setRecords);
    connect(service, &RouterService::requestRecorded, m_requests, &RequestTableModel::addRecord);
    connect(service, &RouterService::eventLogged, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10000); });
    resize(1000, 620);
}

QWidget *MainWindow::createHeader() {
    auto *header = new QWidget(this);
    auto *layout = new QHBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(32);

    m_endpointLabel = figureLabel(header);
    m_endpointLabel->setText(tr("starting…"));
    m_endpointLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_copyButton = new QPushButton(tr("Copy"), header);
    m_copyButton->setAccessibleName(tr("Copy the endpoint address"));
    m_copyButton->setEnabled(false);
    connect(m_copyButton, &QPushButton::clicked, this, &MainWindow::copyEndpoint);

    auto *endpointRow = new QHBoxLayout;
    endpointRow->addWidget(captioned(tr("Endpoint"), m_endpointLabel, header));
    endpointRow->addWidget(m_copyButton, 0, Qt::AlignBottom);
    layout->addLayout(endpointRow);

    m_spendLabel = figureLabel(header);
    m_spendLabel->setText(QStringLiteral("$0.0000"));
    layout->addWidget(captioned(tr("Spend today"), m_spendLabel, header));
    m_countLabel = figureLabel(header);
    m_countLabel->setText(QStringLiteral("0"));
    layout->addWidget(captioned(tr("Requests today"), m_countLabel, header));
    layout->addStretch(1);
    return header;
}

void MainWindow::showEndpoint(const QUrl &endpoint) {
    m_endpoint = endpoint;
    m_endpointLabel->setText(endpoint.toString() + QStringLiteral("/v1"));
    m_copyButton->setEnabled(true);
    statusBar()->showMessage(m_service->options().demo
                                 ? tr("Routing live (demo: simulated upstream and traffic)")
                                 : tr("Routing live"));
}

void MainWindow::showUsage(const UsageSummary &today) {
    m_spendLabel->setText(QStringLiteral("$%1").arg(today.costUsd, 0, 'f', 4));
    m_countLabel->setText(QLocale().toString(today.requests));
}

void MainWindow::showStartFailure(const QString &message) {
    m_endpointLabel->setText(tr("not running"));
    m_messageLabel->setText(tr("The router could not start: %1").arg(message));
    m_messageLabel->show();
    statusBar()->showMessage(tr("Router stopped"));
}

void MainWindow::copyEndpoint() {
    QApplication::clipboard()->setText(m_endpointLabel->text());
    statusBar()->showMessage(tr("Copied %1").arg(m_endpointLabel->text()), 3000);
}

int runConsole(QCoreApplication &app, const ServiceOptions &options,
               const QString &screenshotsDir) {
    RouterService service(options);
    MainWindow window(&service);
    window.show();

    if (!screenshotsDir.isEmpty()) {
        QDir().mkpath(screenshotsDir);
        // Let the demo traffic fill part of the table before the picture is taken, but never
        // wait longer than half a minute when traffic is slow or absent.
        const auto save = [&window, screenshotsDir] {
            window.grab().save(QDir(screenshotsDir).filePath(QStringLiteral("console.png")));
            QCoreApplication::quit();
        };
        auto recorded = std::make_shared<int>(0);
        QObject::connect(&service, &RouterService::requestRecorded, &window,
                         [&window, save, recorded] {
                             if (++*recorded == ScreenshotRows)
                                 QTimer::singleShot(500, &window, save);
                         });
        QTimer::singleShot(30000, &window, save);
        QObject::connect(&service, &RouterService::startFailed, &window,
                         [] { QCoreApplication::exit(1); });
    }

    // The window shows the failure too, but a console started from a terminal should say why.
    QObject::connect(&service, &RouterService::startFailed, &window, [](const QString &message) {
        std::fprintf(stderr, "signalbox: %s\n", message.toUtf8().constData());
    });

    service.start();
    const int status = app.exec();
    service.stop();
    return status;
}

} // namespace signalbox
