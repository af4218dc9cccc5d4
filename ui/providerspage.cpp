// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "providerspage.h"

#include "service/routerservice.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QVBoxLayout>

namespace signalbox {

namespace {

// A combo box of the provider kinds this build supports.
class KindDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &,
                          const QModelIndex &) const override {
        auto *combo = new QComboBox(parent);
        combo->addItems(providerKinds());
        return combo;
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override {
        static_cast<QComboBox *>(editor)->setCurrentText(index.data(Qt::EditRole).toString());
    }
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override {
        model->setData(index, static_cast<QComboBox *>(editor)->currentText());
    }
};

QString sourceText(const KeyStatus &status) {
    switch (status.source) {
    case KeySource::Keychain:
        return QObject::tr("stored in the keychain");
    case KeySource::File:
        return QObject::tr("stored in the key file");
    case KeySource::SignalboxVariable:
    case KeySource::ProviderVariable:
        return QObject::tr("from the environment variable %1").arg(status.variable);
    case KeySource::None:
        break;
    }
    return {};
}

} // namespace

ProvidersPage::ProvidersPage(RouterService *service, QWidget *parent)
    : ConfigEditorPage(service, tr("Providers and keys"),
                       tr("Where each provider is reached and how it is called. Provider edits "
                          "apply with Apply. Keys are saved at once, to the OS keychain, and "
                          "never to the config file."),
                       parent)
    , m_presets(RouterService::providerPresets()) {
    setObjectName(QStringLiteral("providers"));
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(createTable());
    auto *lower = new QWidget(splitter);
    auto *lowerLayout = new QHBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addWidget(createKeyPanel(), 1);
    lowerLayout->addWidget(createTestPanel(), 1);
    splitter->addWidget(lower);
    splitter->setChildrenCollapsible(false);
    contentLayout()->addWidget(splitter, 1);

    connect(service, &RouterService::keychainStateChanged, this, &ProvidersPage::showKeychainState);
    connect(service, &RouterService::keyStatusChanged, this, &ProvidersPage::showKeyStatus);
    connect(service, &RouterService::keyOperationFinished, this, &ProvidersPage::onKeyOperation);
    connect(service, &RouterService::connectionTested, this, &ProvidersPage::showTestResult);
    showKeychainState(service->keychainState());
}

QWidget *ProvidersPage::createTable() {
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    m_table = new QTableWidget(0, 5, box);
    m_table->setHorizontalHeaderLabels(
        {tr("Provider id"), tr("Kind"), tr("Base URL"), tr("Needs key"), tr("Key variable")});
    m_table->setAccessibleName(tr("Providers"));
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setSectionResizeMode(BaseUrlColumn, QHeaderView::Stretch);
    m_table->setItemDelegateForColumn(KindColumn, new KindDelegate(m_table));
    layout->addWidget(m_table, 1);

    auto *buttons = new QHBoxLayout;
    // A push button leaves room for its menu arrow, but a tool button draws it over the text.
    auto *presetButton = new QPushButton(tr("Add provider"), box);
    m_presetMenu = new QMenu(presetButton);
    presetButton->setMenu(m_presetMenu);
    auto *removeButton = new QPushButton(tr("Remove"), box);
    buttons->addWidget(presetButton);
    buttons->addWidget(removeButton);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    connect(m_presetMenu, &QMenu::aboutToShow, this, &ProvidersPage::fillPresetMenu);
    connect(removeButton, &QPushButton::clicked, this, [this] {
        if (m_table->currentRow() >= 0) {
            m_table->removeRow(m_table->currentRow());
            markEdited();
        }
    });
    connect(m_table, &QTableWidget::itemChanged, this, [this] {
        if (!m_loading)
            markEdited();
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ProvidersPage::showSelected);
    return box;
}

QWidget *ProvidersPage::createKeyPanel() {
    m_keyGroup = new QGroupBox(tr("Key"), this);
    auto *layout = new QVBoxLayout(m_keyGroup);
    m_keychainLabel = new QLabel(m_keyGroup);
    m_keychainLabel->setWordWrap(true);
    layout->addWidget(m_keychainLabel);

    m_keyStatus = new QLabel(m_keyGroup);
    m_keyStatus->setWordWrap(true);
    m_keyStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_keyStatus);

    auto *row = new QHBoxLayout;
    m_keyEdit = new QLineEdit(m_keyGroup);
    m_keyEdit->setEchoMode(QLineEdit::Password);
    m_keyEdit->setPlaceholderText(tr("Paste a new key"));
    m_keyEdit->setAccessibleName(tr("New API key"));
    m_saveKey = new QPushButton(tr("Save key"), m_keyGroup);
    m_removeKey = new QPushButton(tr("Remove key"), m_keyGroup);
    m_removeKey->setToolTip(tr("Remove the stored key; keys in environment variables stay"));
    row->addWidget(m_keyEdit, 1);
    row->addWidget(m_saveKey);
    row->addWidget(m_removeKey);
    layout->addLayout(row);
    m_keyMessage = new QLabel(m_keyGroup);
    m_keyMessage->setWordWrap(true);
    layout->addWidget(m_keyMessage);

    m_keyFile = new QCheckBox(tr("Store keys in an unencrypted file when no keychain is available"),
                              m_keyGroup);
    m_keyFileWarning = new QLabel(tr("The file is readable only by your user account, but the keys "
                                     "in it are not encrypted: anyone with access to your account "
                                     "or to its backups can read them. Turning this off deletes "
                                     "the file."),
                                  m_keyGroup);
    m_keyFileWarning->setWordWrap(true);
    m_keyFileWarning->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_keyFile);
    layout->addWidget(m_keyFileWarning);
    layout->addStretch(1);

    connect(m_saveKey, &QPushButton::clicked, this, [this] {
        const QString id = currentProvider();
        if (id.isEmpty())
            return;
        m_keyMessage->setText(tr("Saving…"));
        service()->storeKey(id, m_keyEdit->text());
    });
    connect(m_keyEdit, &QLineEdit::returnPressed, m_saveKey, &QPushButton::click);
    connect(m_removeKey, &QPushButton::clicked, this, [this] {
        if (!currentProvider().isEmpty())
            service()->removeKey(currentProvider());
    });
    connect(m_keyFile, &QCheckBox::toggled, this, &ProvidersPage::onKeyFileToggled);
    return m_keyGroup;
}

QWidget *ProvidersPage::createTestPanel() {
    auto *group = new QGroupBox(tr("Connection"), this);
    auto *layout = new QVBoxLayout(group);
    m_testButton = new QPushButton(tr("Test connection"), group);
    m_testButton->setToolTip(tr("List the provider's models with GET {base_url}/models and the "
                                "provider's key"));
    m_testMessage = new QLabel(tr("Lists the models the provider offers with your key."), group);
    m_testMessage->setWordWrap(true);
    m_testMessage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testModels = new QListWidget(group);
    m_testModels->setAccessibleName(tr("Models the provider lists"));
    auto *row = new QHBoxLayout;
    row->addWidget(m_testButton);
    row->addWidget(m_testMessage, 1);
    layout->addLayout(row);
    layout->addWidget(m_testModels, 1);
    connect(m_testButton, &QPushButton::clicked, this, &ProvidersPage::testConnection);
    return group;
}

void ProvidersPage::fillPresetMenu() {
    m_presetMenu->clear();
    for (const ProviderConfig &preset : std::as_const(m_presets)) {
        QAction *action =
            m_presetMenu->addAction(QStringLiteral("%1  (%2)").arg(preset.id, preset.baseUrl), this,
                                    [this, id = preset.id] { addPreset(id); });
        action->setEnabled(rowOf(preset.id) < 0);
    }
    m_presetMenu->addSeparator();
    m_presetMenu->addAction(tr("Custom provider"), this, [this] {
        ProviderConfig custom;
        custom.id = QStringLiteral("custom");
        custom.kind = QStringLiteral("openai");
        custom.baseUrl = QStringLiteral("http://127.0.0.1:8000/v1");
        addRow(custom);
        m_table->selectRow(m_table->rowCount() - 1);
        markEdited();
    });
}

bool ProvidersPage::addPreset(const QString &id) {
    for (const ProviderConfig &preset : std::as_const(m_presets)) {
        if (preset.id != id || rowOf(id) >= 0)
            continue;
        addRow(preset);
        m_table->selectRow(m_table->rowCount() - 1);
        markEdited();
        return true;
    }
    return false;
}

void ProvidersPage::addRow(const ProviderConfig &provider) {
    const bool wasLoading = std::exchange(m_loading, true);
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, IdColumn, new QTableWidgetItem(provider.id));
    m_table->setItem(row, KindColumn, new QTableWidgetItem(provider.kind));
    m_table->setItem(row, BaseUrlColumn, new QTableWidgetItem(provider.baseUrl));
    auto *needsKey = new QTableWidgetItem;
    needsKey->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    needsKey->setCheckState(provider.needsKey ? Qt::Checked : Qt::Unchecked);
    m_table->setItem(row, NeedsKeyColumn, needsKey);
    m_table->setItem(row, KeyEnvColumn, new QTableWidgetItem(provider.keyEnv));
    for (int column : {IdColumn, KindColumn, NeedsKeyColumn, KeyEnvColumn})
        m_table->resizeColumnToContents(column);
    m_loading = wasLoading;
}

ProviderConfig ProvidersPage::providerAt(int row) const {
    ProviderConfig provider;
    provider.id = m_table->item(row, IdColumn)->text().trimmed();
    provider.kind = m_table->item(row, KindColumn)->text().trimmed();
    provider.baseUrl = m_table->item(row, BaseUrlColumn)->text().trimmed();
    provider.needsKey = m_table->item(row, NeedsKeyColumn)->checkState() == Qt::Checked;
    provider.keyEnv = m_table->item(row, KeyEnvColumn)->text().trimmed();
    return provider;
}

void ProvidersPage::loadConfig(const Config &config) {
    const QString selected = currentProvider();
    m_loading = true;
    m_table->setRowCount(0);
    for (const ProviderConfig &provider : config.providers)
        addRow(provider);
    m_loading = false;
    selectProvider(selected.isEmpty() ? config.providers.value(0).id : selected);
    showSelected();
}

void ProvidersPage::mergeInto(Config &config) const {
    config.providers.clear();
    for (int row = 0; row < m_table->rowCount(); ++row)
        config.providers << providerAt(row);
}

void ProvidersPage::selectProvider(const QString &id) {
    const int row = rowOf(id);
    if (row >= 0)
        m_table->selectRow(row);
}

// Looks in the id column only: a provider whose kind is "openai" does not take the id "openai".
int ProvidersPage::rowOf(const QString &id) const {
    for (const QTableWidgetItem *item : m_table->findItems(id, Qt::MatchExactly)) {
        if (item->column() == IdColumn)
            return item->row();
    }
    return -1;
}

QString ProvidersPage::currentProvider() const {
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_table->rowCount() || !m_table->item(row, IdColumn))
        return {};
    return m_table->item(row, IdColumn)->text().trimmed();
}

void ProvidersPage::showSelected() {
    const QString id = currentProvider();
    m_keyGroup->setEnabled(!id.isEmpty());
    m_testButton->setEnabled(!id.isEmpty());
    m_keyGroup->setTitle(id.isEmpty() ? tr("Key") : tr("Key of %1").arg(id));
    m_keyEdit->clear();
    m_keyMessage->clear();
    m_testModels->clear();
    m_testMessage->setText(tr("Lists the models the provider offers with your key."));
    if (!id.isEmpty())
        showKeyStatus(service()->keyStatus(id));
}

void ProvidersPage::showKeychainState(const KeychainState &state) {
    QString text;
    switch (state.availability) {
    case KeychainState::Availability::Unknown:
        text = tr("Checking the keychain…");
        break;
    case KeychainState::Availability::Available:
        text = tr("Keys are stored in the OS keychain under the service \"signalbox\".");
        break;
    case KeychainState::Availability::Unavailable:
        text = tr("<b>No keychain service is available</b> (%1). Keys cannot be stored securely "
                  "here: set them in environment variables, or turn on the key file below.")
                   .arg(state.message.toHtmlEscaped());
        break;
    }
    m_keychainLabel->setText(text);
    const QSignalBlocker blocker(m_keyFile);
    m_keyFile->setChecked(state.keyFileEnabled);
    const bool offerFile =
        state.availability != KeychainState::Availability::Available || state.keyFileEnabled;
    m_keyFile->setVisible(offerFile);
    m_keyFileWarning->setVisible(offerFile);
    m_keyFile->setToolTip(tr("Keys go to %1").arg(state.keyFilePath));
}

void ProvidersPage::showKeyStatus(const KeyStatus &status) {
    if (status.providerId != currentProvider())
        return;
    const int row = m_table->currentRow();
    const bool needsKey =
        row < 0 || m_table->item(row, NeedsKeyColumn)->checkState() == Qt::Checked;
    if (status.source == KeySource::None) {
        m_keyStatus->setText(needsKey
                                 ? tr("<b>No key.</b> Requests to this provider fail until "
                                      "you save one here or set %1.")
                                       .arg(QStringLiteral("SIGNALBOX_KEY_") +
                                            status.providerId.toUpper().replace(
                                                QRegularExpression(QStringLiteral("[^A-Z0-9]")),
                                                QStringLiteral("_")))
                                 : tr("This provider needs no key."));
    } else {
        m_keyStatus->setText(tr("Key %1: <code>%2</code>")
                                 .arg(sourceText(status), status.maskedKey.toHtmlEscaped()));
    }
    m_removeKey->setEnabled(status.source == KeySource::Keychain ||
                            status.source == KeySource::File);
}

void ProvidersPage::onKeyOperation(const QString &providerId, bool ok, const QString &message) {
    if (!providerId.isEmpty() && providerId != currentProvider())
        return;
    if (ok)
        m_keyEdit->clear();
    m_keyMessage->setText(ok ? message : QStringLiteral("<b>%1</b>").arg(message.toHtmlEscaped()));
}

void ProvidersPage::onKeyFileToggled(bool enabled) {
    // The checkbox requests the change, and the state shown follows keychainStateChanged().
    service()->setKeyFileEnabled(enabled);
}

void ProvidersPage::testConnection() {
    const int row = m_table->currentRow();
    if (row < 0)
        return;
    m_testModels->clear();
    m_testMessage->setText(tr("Connecting…"));
    m_testButton->setEnabled(false);
    m_testRequest = service()->testConnection(providerAt(row));
}

void ProvidersPage::showTestResult(int requestId, const ProviderModels &result) {
    if (requestId != m_testRequest)
        return;
    m_testButton->setEnabled(true);
    if (result.ok) {
        m_testMessage->setText(tr("Connected. Models listed: %1").arg(result.models.size()));
        m_testModels->addItems(result.models);
    } else {
        m_testMessage->setText(tr("<b>Failed:</b> %1").arg(result.error.toHtmlEscaped()));
    }
    emit connectionTested(result);
}

QList<ConfigProblem> ProvidersPage::showProblems(const QList<ConfigProblem> &problems) {
    static const QRegularExpression path(QStringLiteral("^providers\\.([^.]+)\\.?(\\w*)$"));
    const QHash<QString, int> columns{{QStringLiteral("kind"), KindColumn},
                                      {QStringLiteral("base_url"), BaseUrlColumn},
                                      {QStringLiteral("needs_key"), NeedsKeyColumn},
                                      {QStringLiteral("key_env"), KeyEnvColumn}};
    QHash<QTableWidgetItem *, QStringList> cells;
    QList<ConfigProblem> unplaced;
    for (const ConfigProblem &problem : problems) {
        const QRegularExpressionMatch match = path.match(problem.path);
        QTableWidgetItem *item = nullptr;
        for (int row = 0; match.hasMatch() && row < m_table->rowCount(); ++row) {
            if (m_table->item(row, IdColumn)->text().trimmed() == match.captured(1))
                item = m_table->item(row, columns.value(match.captured(2), IdColumn));
        }
        if (item)
            cells[item] << problem.message;
        else
            unplaced << problem;
    }
    m_loading = true;
    markInvalidCells(m_table, cells);
    m_loading = false;
    return unplaced;
}

} // namespace signalbox
