// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "configeditorpage.h"

#include "service/routerservice.h"

#include <QApplication>
#include <QFont>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace signalbox {

namespace {

// Problems listed in the bar before "and N more".
constexpr int kListedProblems = 4;

} // namespace

ConfigEditorPage::ConfigEditorPage(RouterService *service, const QString &title,
                                   const QString &description, QWidget *parent)
    : QWidget(parent)
    , m_service(service) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(8);

    auto *titleLabel = new QLabel(title, this);
    QFont titleFont = titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    titleLabel->setFont(titleFont);
    layout->addWidget(titleLabel);
    auto *descriptionLabel = new QLabel(description, this);
    descriptionLabel->setWordWrap(true);
    descriptionLabel->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(descriptionLabel);

    m_content = new QVBoxLayout;
    m_content->setSpacing(8);
    layout->addLayout(m_content, 1);

    auto *bar = new QHBoxLayout;
    m_problemLabel = new QLabel(this);
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statusLabel = new QLabel(this);
    m_statusLabel->setForegroundRole(QPalette::PlaceholderText);
    m_revertButton = new QPushButton(tr("Revert"), this);
    m_revertButton->setToolTip(tr("Drop the edits on this page and show the config in force"));
    m_applyButton = new QPushButton(tr("Apply"), this);
    m_applyButton->setToolTip(tr("Save the edits and apply them to the running router"));
    m_applyButton->setDefault(true);
    bar->addWidget(m_problemLabel, 1);
    bar->addWidget(m_statusLabel);
    bar->addWidget(m_revertButton);
    bar->addWidget(m_applyButton);
    layout->addLayout(bar);

    connect(m_applyButton, &QPushButton::clicked, this, &ConfigEditorPage::apply);
    connect(m_revertButton, &QPushButton::clicked, this, &ConfigEditorPage::revert);
    connect(service, &RouterService::configChanged, this, &ConfigEditorPage::onConfigChanged);
    connect(service, &RouterService::configApplied, this, &ConfigEditorPage::onApplied);
    connect(service, &RouterService::configApplyFailed, this, &ConfigEditorPage::onApplyFailed);
    updateBar({});

    // A page created after the router started loads the config in force at once. The subclass
    // constructor has not run yet here, so the load is queued.
    if (service->config())
        QMetaObject::invokeMethod(
            this, [this] { onConfigChanged(m_service->config()); }, Qt::QueuedConnection);
}

Config ConfigEditorPage::draft() const {
    Config config = m_base;
    mergeInto(config);
    return config;
}

void ConfigEditorPage::apply() {
    if (!m_hasConfig || m_pendingApply != 0)
        return;
    m_pendingApply = m_service->applyConfig(draft());
    m_applyButton->setEnabled(false);
    showStatus(tr("Applying…"));
}

void ConfigEditorPage::revert() {
    m_dirty = false;
    reload();
    showStatus(tr("Edits dropped"));
}

void ConfigEditorPage::markEdited() {
    if (m_loading)
        return;
    m_dirty = true;
    showStatus(QString());
    revalidate();
}

void ConfigEditorPage::revalidate() {
    if (!m_hasConfig)
        return;
    m_problems = inputProblems() + validateConfig(draft());
    updateBar(showProblems(m_problems));
}

void ConfigEditorPage::showStatus(const QString &message) {
    m_statusLabel->setText(message);
}

void ConfigEditorPage::onConfigChanged(const ConfigPtr &config) {
    // refresh() sends the config in force again, but only a swapped config is news to the page.
    if (!config || config == m_source)
        return;
    m_source = config;
    m_base = *config;
    m_hasConfig = true;
    if (m_dirty) {
        showStatus(tr("The config changed elsewhere; Apply keeps those changes and adds yours"));
        revalidate();
        return;
    }
    reload();
}

void ConfigEditorPage::reload() {
    if (!m_hasConfig)
        return;
    m_loading = true;
    loadConfig(m_base);
    m_loading = false;
    revalidate();
}

void ConfigEditorPage::onApplied(int requestId) {
    if (requestId != m_pendingApply)
        return;
    m_pendingApply = 0;
    m_dirty = false;

    // configChanged() arrived before this signal and set the base; reload the page from it so
    // the editors show what the router uses.
    reload();
    showStatus(tr("Applied"));
    emit applied();
}

void ConfigEditorPage::onApplyFailed(int requestId, const QList<ConfigProblem> &problems) {
    if (requestId != m_pendingApply)
        return;
    m_pendingApply = 0;
    m_problems = problems;
    updateBar(showProblems(problems));
    showStatus(tr("Not applied"));
    emit applyFailed(problems);
}

void ConfigEditorPage::updateBar(const QList<ConfigProblem> &unplaced) {
    const qsizetype count = m_problems.size();
    QStringList lines;
    for (qsizetype i = 0; i < unplaced.size() && i < kListedProblems; ++i)
        lines << unplaced.at(i).toString().toHtmlEscaped();
    if (unplaced.size() > kListedProblems)
        lines << tr("and %1 more").arg(unplaced.size() - kListedProblems);

    QString text;
    if (count > 0) {
        text = QStringLiteral("<b>%1</b>")
                   .arg(tr("Problems: %1. Marked fields show the reason on hover.").arg(count));
        if (!lines.isEmpty())
            text += QStringLiteral("<br>") + lines.join(QStringLiteral("<br>"));
    }
    m_problemLabel->setText(text);
    m_applyButton->setEnabled(m_dirty && count == 0 && m_pendingApply == 0);
    m_revertButton->setEnabled(m_dirty);
}

QString problemTooltip(const QStringList &messages) {
    return messages.join(QLatin1Char('\n'));
}

QColor invalidCellColor(const QPalette &palette) {
    // A pale red behind dark text, a deep red behind light text.
    const bool darkBase = palette.color(QPalette::Base).lightness() < 128;
    return darkBase ? QColor(110, 40, 40) : QColor(255, 218, 214);
}

void markInvalid(QWidget *widget, const QStringList &messages) {
    // The normal tooltip is kept in a property, so that clearing the mark restores it.
    const char *kPlainTooltip = "signalboxPlainTooltip";
    if (!widget->property(kPlainTooltip).isValid())
        widget->setProperty(kPlainTooltip, widget->toolTip());

    QPalette palette =
        widget->parentWidget() ? widget->parentWidget()->palette() : QApplication::palette();
    if (!messages.isEmpty()) {
        const QColor tint = invalidCellColor(palette);
        palette.setColor(QPalette::Base, tint);
        palette.setColor(QPalette::Button, tint);
        widget->setToolTip(problemTooltip(messages));
    } else {
        widget->setToolTip(widget->property(kPlainTooltip).toString());
    }
    widget->setPalette(palette);
    widget->setAccessibleDescription(problemTooltip(messages));
}

void markInvalidCells(QTableWidget *table,
                      const QHash<QTableWidgetItem *, QStringList> &messagesByCell) {
    const QBrush invalid(invalidCellColor(table->palette()));
    for (int row = 0; row < table->rowCount(); ++row) {
        for (int column = 0; column < table->columnCount(); ++column) {
            QTableWidgetItem *item = table->item(row, column);
            if (!item)
                continue;
            const QStringList messages = messagesByCell.value(item);
            item->setToolTip(problemTooltip(messages));
            item->setBackground(messages.isEmpty() ? QBrush() : invalid);
        }
    }
}

} // namespace signalbox
