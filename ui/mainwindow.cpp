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

namespace signalbox {

namespace {

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
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(RequestTableModel::Model,
                                                      QHeaderView::Stretch);
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
        // Let the demo traffic fill the table before the picture is taken.
        QObject::connect(&service, &RouterService::ready, &window, [&window, screenshotsDir] {
            QTimer::singleShot(9000, &window, [&window, screenshotsDir] {
                window.grab().save(QDir(screenshotsDir).filePath(QStringLiteral("console.png")));
                QCoreApplication::quit();
            });
        });
        QObject::connect(&service, &RouterService::startFailed, &window,
                         [] { QCoreApplication::exit(1); });
    }

    service.start();
    const int status = app.exec();
    service.stop();
    return status;
}

} // namespace signalbox
