// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "config/config.h"
#include "ledger/ledgerrecord.h"
#include "routing/routepreview.h"

#include <QJsonObject>
#include <QTimer>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTextBrowser;

namespace signalbox {

class ChatStream;
class RouterService;

// Try a prompt: see where the router would send it (level, model, candidates, trace, worst-case
// cost) as it is typed, and optionally send it for real to the local endpoint and watch the
// answer stream in.
class PlaygroundPage : public QWidget {
    Q_OBJECT

public:
    explicit PlaygroundPage(RouterService *service, QWidget *parent = nullptr);

    QPlainTextEdit *promptEdit() const { return m_prompt; }
    QComboBox *routeBox() const { return m_routeBox; }
    QTextBrowser *decisionView() const { return m_decision; }
    QPlainTextEdit *answerView() const { return m_answer; }
    QLabel *answerStatus() const { return m_answerStatus; }
    const RoutePreview &lastPreview() const { return m_preview; }

    // The Chat Completions body for the prompt, the route choice and the output limit.
    QJsonObject requestBody() const;

public slots:
    void preview();
    void send();
    void stop();

signals:
    void previewShown();
    void answerFinished(const QString &errorMessage);

private:
    QWidget *createInput();
    QWidget *createOutput();
    void fillRoutes(const ConfigPtr &config);
    void showPreview(quint64 id, const RoutePreview &preview);
    void onAnswered(const QString &model, const QString &route, const QString &requestId);
    void onAnswerFinished(const QString &errorMessage);
    void onRequestRecorded(const LedgerRecord &record);
    void showAnswerStatus();
    void updateButtons();

    RouterService *m_service;
    ChatStream *m_stream;
    QTimer m_previewTimer;
    quint64 m_pendingPreview = 0;
    RoutePreview m_preview;
    QString m_answerModel;
    QString m_answerRoute;
    QString m_answerRequestId;
    QString m_answerError;
    std::optional<LedgerRecord> m_answerRecord; // the ledger row of the request sent
    bool m_answerDone = false;
    QPlainTextEdit *m_prompt = nullptr;
    QComboBox *m_routeBox = nullptr;
    QSpinBox *m_maxTokens = nullptr;
    QPushButton *m_sendButton = nullptr;
    QPushButton *m_stopButton = nullptr;
    QTextBrowser *m_decision = nullptr;
    QLabel *m_answerStatus = nullptr;
    QPlainTextEdit *m_answer = nullptr;
};

} // namespace signalbox
