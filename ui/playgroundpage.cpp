// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "playgroundpage.h"

#include "chatstream.h"
#include "consoletext.h"
#include "service/routerservice.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace signalbox {

namespace {

// Typing pauses this long before the preview is asked for, so each keystroke does not route.
constexpr int PreviewDelayMs = 300;

QString listItems(const QStringList &lines) {
    QString items;
    for (const QString &line : lines)
        items += QStringLiteral("<li>%1</li>").arg(line.toHtmlEscaped());
    return QStringLiteral("<ol>%1</ol>").arg(items);
}

QString row(const QString &label, const QString &value) {
    return QStringLiteral("<tr><td style='padding-right:12px'><b>%1</b></td><td>%2</td></tr>")
        .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
}

} // namespace

PlaygroundPage::PlaygroundPage(RouterService *service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_stream(new ChatStream(this)) {
    setObjectName(QStringLiteral("playground"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setChildrenCollapsible(false);
    split->addWidget(createInput());
    split->addWidget(createOutput());
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    layout->addWidget(split);

    m_previewTimer.setSingleShot(true);
    m_previewTimer.setInterval(PreviewDelayMs);
    connect(&m_previewTimer, &QTimer::timeout, this, &PlaygroundPage::preview);
    connect(m_prompt, &QPlainTextEdit::textChanged, &m_previewTimer, qOverload<>(&QTimer::start));
    connect(m_routeBox, &QComboBox::currentIndexChanged, this, &PlaygroundPage::preview);
    connect(m_maxTokens, &QSpinBox::valueChanged, &m_previewTimer, qOverload<>(&QTimer::start));

    connect(service, &RouterService::configChanged, this, &PlaygroundPage::fillRoutes);
    connect(service, &RouterService::routePreviewed, this, &PlaygroundPage::showPreview);
    connect(service, &RouterService::ready, this, &PlaygroundPage::preview);
    connect(m_stream, &ChatStream::answered, this, &PlaygroundPage::onAnswered);
    connect(m_stream, &ChatStream::textReceived, this, [this](const QString &text) {
        m_answer->moveCursor(QTextCursor::End);
        m_answer->insertPlainText(text);
    });
    connect(m_stream, &ChatStream::finished, this, &PlaygroundPage::onAnswerFinished);
    connect(service, &RouterService::requestRecorded, this, &PlaygroundPage::onRequestRecorded);
    updateButtons();
}

QWidget *PlaygroundPage::createInput() {
    auto *box = new QGroupBox(tr("Request"), this);
    auto *layout = new QVBoxLayout(box);

    auto *form = new QFormLayout;
    m_routeBox = new QComboBox(box);
    m_routeBox->setAccessibleName(tr("Route"));
    m_routeBox->addItem(tr("Automatic (auto)"), QStringLiteral("auto"));
    form->addRow(tr("&Route:"), m_routeBox);
    m_maxTokens = new QSpinBox(box);
    m_maxTokens->setRange(1, 200000);
    m_maxTokens->setValue(512);
    m_maxTokens->setAccessibleName(tr("Maximum output tokens"));
    form->addRow(tr("&Max output tokens:"), m_maxTokens);
    layout->addLayout(form);

    auto *promptLabel = new QLabel(tr("&Prompt:"), box);
    m_prompt = new QPlainTextEdit(box);
    m_prompt->setAccessibleName(tr("Prompt"));
    m_prompt->setPlaceholderText(tr("Type a prompt to see where the router sends it."));
    promptLabel->setBuddy(m_prompt);
    layout->addWidget(promptLabel);
    layout->addWidget(m_prompt, 1);

    auto *buttons = new QHBoxLayout;
    m_sendButton = new QPushButton(tr("&Send"), box);
    m_sendButton->setToolTip(tr("Send the prompt to the local endpoint; this calls the provider "
                                "and is billed (Ctrl+Return)"));
    m_sendButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_stopButton = new QPushButton(tr("S&top"), box);
    connect(m_sendButton, &QPushButton::clicked, this, &PlaygroundPage::send);
    connect(m_stopButton, &QPushButton::clicked, this, &PlaygroundPage::stop);
    buttons->addStretch(1);
    buttons->addWidget(m_stopButton);
    buttons->addWidget(m_sendButton);
    layout->addLayout(buttons);
    return box;
}

QWidget *PlaygroundPage::createOutput() {
    auto *column = new QSplitter(Qt::Vertical, this);
    column->setChildrenCollapsible(false);

    auto *decisionBox = new QGroupBox(tr("Routing decision (dry run)"), column);
    auto *decisionLayout = new QVBoxLayout(decisionBox);
    m_decision = new QTextBrowser(decisionBox);
    m_decision->setAccessibleName(tr("Routing decision"));
    decisionLayout->addWidget(m_decision);

    auto *answerBox = new QGroupBox(tr("Answer"), column);
    auto *answerLayout = new QVBoxLayout(answerBox);
    m_answerStatus = new QLabel(tr("Nothing sent yet."), answerBox);
    m_answerStatus->setWordWrap(true);
    m_answer = new QPlainTextEdit(answerBox);
    m_answer->setReadOnly(true);
    m_answer->setAccessibleName(tr("Answer"));
    answerLayout->addWidget(m_answerStatus);
    answerLayout->addWidget(m_answer, 1);

    column->addWidget(decisionBox);
    column->addWidget(answerBox);
    return column;
}

void PlaygroundPage::fillRoutes(const ConfigPtr &config) {
    if (!config)
        return;
    const QString current = m_routeBox->currentData().toString();
    const QSignalBlocker blocker(m_routeBox);
    while (m_routeBox->count() > 1)
        m_routeBox->removeItem(1);
    for (const StageConfig &stage : config->stages)
        m_routeBox->addItem(tr("Stage: %1").arg(stage.name),
                            QString(QLatin1String("stage:") + stage.name));
    for (const ModelConfig &model : config->models)
        m_routeBox->addItem(tr("Model: %1").arg(model.id), model.id);
    m_routeBox->setCurrentIndex(std::max(0, m_routeBox->findData(current)));
}

QJsonObject PlaygroundPage::requestBody() const {
    const QJsonObject message{{QLatin1String("role"), QLatin1String("user")},
                              {QLatin1String("content"), m_prompt->toPlainText()}};
    return {{QLatin1String("model"), m_routeBox->currentData().toString()},
            {QLatin1String("messages"), QJsonArray{message}},
            {QLatin1String("max_tokens"), m_maxTokens->value()}};
}

void PlaygroundPage::preview() {
    m_previewTimer.stop();
    m_pendingPreview = m_service->previewRoute(requestBody());
}

void PlaygroundPage::showPreview(quint64 id, const RoutePreview &preview) {
    if (id != m_pendingPreview)
        return; // an older preview, overtaken by a later edit
    m_preview = preview;
    QString html;
    if (preview.routed) {
        const QString cost = preview.worstCaseCostUsd >= 0
                                 ? ConsoleText::usd(preview.worstCaseCostUsd)
                                 : tr("unknown (the model is not in the registry)");
        html = QLatin1String("<table>") + row(tr("Level"), preview.level) +
               row(tr("Model"), preview.model) + row(tr("Provider"), preview.provider) +
               row(tr("Stage"), ConsoleText::stageName(preview.stage)) +
               row(tr("Candidates, in order"), preview.candidates.join(QStringLiteral(" → "))) +
               row(tr("Estimated input tokens"), QLocale().toString(preview.estimatedInputTokens)) +
               row(tr("Worst-case cost"), cost) + QLatin1String("</table>");
    } else {
        html =
            QStringLiteral("<p><b>%1</b></p><p>%2</p>")
                .arg(tr("Rejected with HTTP %1 (%2)")
                         .arg(preview.httpStatus)
                         .arg(preview.errorCode.isEmpty() ? preview.errorType : preview.errorCode)
                         .toHtmlEscaped(),
                     preview.errorMessage.toHtmlEscaped());
    }
    html += QStringLiteral("<h4>%1</h4>").arg(tr("Decision trace").toHtmlEscaped()) +
            listItems(preview.trace);
    m_decision->setHtml(html);
    emit previewShown();
}

void PlaygroundPage::send() {
    if (m_service->endpoint().isEmpty() || m_prompt->toPlainText().trimmed().isEmpty())
        return;
    m_answer->clear();
    m_answerModel.clear();
    m_answerRoute.clear();
    m_answerRequestId.clear();
    m_answerError.clear();
    m_answerRecord.reset();
    m_answerDone = false;
    showAnswerStatus();
    m_stream->start(m_service->endpoint(), requestBody());
    updateButtons();
}

void PlaygroundPage::stop() {
    if (!m_stream->isRunning())
        return;
    m_stream->abort();
    m_answerRequestId.clear(); // its ledger row no longer changes what is shown
    m_answerStatus->setText(tr("Stopped; the request was cancelled."));
    updateButtons();
}

void PlaygroundPage::onAnswered(const QString &model, const QString &route,
                                const QString &requestId) {
    m_answerModel = model;
    m_answerRoute = route;
    m_answerRequestId = requestId;
    showAnswerStatus();
}

void PlaygroundPage::onAnswerFinished(const QString &errorMessage) {
    m_answerDone = true;
    m_answerError = errorMessage;
    showAnswerStatus();
    updateButtons();
    emit answerFinished(errorMessage);
}

// The ledger row comes on its own time, before or after the stream ends.
void PlaygroundPage::onRequestRecorded(const LedgerRecord &record) {
    if (m_answerRequestId.isEmpty() || record.requestId != m_answerRequestId)
        return;
    m_answerRecord = record;
    showAnswerStatus();
}

void PlaygroundPage::showAnswerStatus() {
    QString text;
    if (!m_answerError.isEmpty())
        text = tr("Failed: %1").arg(m_answerError);
    else if (m_answerModel.isEmpty())
        text = m_answerDone ? tr("Done.") : tr("Waiting for the answer…");
    else if (m_answerDone)
        text = tr("Answered by %1 (route: %2)").arg(m_answerModel, m_answerRoute);
    else
        text = tr("Answering: %1 (route: %2)").arg(m_answerModel, m_answerRoute);

    if (m_answerRecord) {
        text += QLatin1Char('\n') + tr("%1 tokens in, %2 out; cost %3; latency %4 ms")
                                        .arg(QLocale().toString(m_answerRecord->usage.inputTokens),
                                             QLocale().toString(m_answerRecord->usage.outputTokens),
                                             ConsoleText::usd(m_answerRecord->costUsd),
                                             QLocale().toString(m_answerRecord->latencyMs));
    }
    m_answerStatus->setText(text);
}

void PlaygroundPage::updateButtons() {
    m_sendButton->setEnabled(!m_stream->isRunning());
    m_stopButton->setEnabled(m_stream->isRunning());
}

} // namespace signalbox
