// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "catalogimportdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QThread>
#include <QVBoxLayout>

namespace signalbox {

namespace {

enum Column { KeyColumn, ProviderColumn, InputColumn, OutputColumn, ContextColumn, ActionColumn };

// The catalog index of a row, kept on its first cell.
constexpr int kCatalogIndexRole = Qt::UserRole + 1;

// Shows the rows whose key contains the filter text and whose provider matches the provider
// filter.
class CatalogFilter : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setProvider(const QString &provider) {
        m_provider = provider;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override {
        const QAbstractItemModel *model = sourceModel();
        const QString provider = model->index(row, ProviderColumn, parent).data().toString();
        if (!m_provider.isEmpty() && provider != m_provider)
            return false;
        return QSortFilterProxyModel::filterAcceptsRow(row, parent);
    }

private:
    QString m_provider;
};

QString price(double usd) {
    return QStringLiteral("$") + QLocale().toString(usd, 'f', usd < 0.1 && usd > 0 ? 4 : 2);
}

} // namespace

CatalogImportDialog::CatalogImportDialog(const QString &path, QList<ModelConfig> existing,
                                         QList<ProviderConfig> providers, QWidget *parent)
    : QDialog(parent)
    , m_existing(std::move(existing))
    , m_providers(std::move(providers))
    , m_cancel(std::make_shared<std::atomic_bool>(false)) {
    setWindowTitle(tr("Import from a price catalog"));
    auto *layout = new QVBoxLayout(this);

    m_summary = new QLabel(tr("Reading %1…").arg(path), this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0);
    m_progress->setAccessibleName(tr("Reading the catalog"));
    layout->addWidget(m_progress);

    auto *form = new QFormLayout;
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter by name, e.g. gpt-4o or claude"));
    m_filter->setClearButtonEnabled(true);
    form->addRow(tr("&Filter:"), m_filter);
    m_catalogProvider = new QComboBox(this);
    form->addRow(tr("Catalog &provider:"), m_catalogProvider);
    m_target = new QComboBox(this);
    m_target->setToolTip(tr("Models whose catalog provider matches no configured provider are "
                            "added to this one"));
    for (const ProviderConfig &provider : std::as_const(m_providers))
        m_target->addItem(provider.id);
    form->addRow(tr("Add unmatched models &to:"), m_target);
    layout->addLayout(form);

    m_items = new QStandardItemModel(0, 6, this);
    m_items->setHorizontalHeaderLabels({tr("Catalog model"), tr("Catalog provider"), tr("Input"),
                                        tr("Output"), tr("Context"), tr("Import does")});
    auto *proxy = new CatalogFilter(this);
    proxy->setSourceModel(m_items);
    proxy->setFilterKeyColumn(KeyColumn);
    proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy = proxy;
    m_view = new QTableView(this);
    m_view->setModel(m_proxy);
    m_view->setAccessibleName(tr("Catalog models"));
    m_view->verticalHeader()->hide();
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setSortingEnabled(true);
    layout->addWidget(m_view, 1);

    auto *selectRow = new QHBoxLayout;
    auto *checkShownButton = new QPushButton(tr("Check shown"), this);
    auto *uncheckAllButton = new QPushButton(tr("Uncheck all"), this);
    selectRow->addWidget(checkShownButton);
    selectRow->addWidget(uncheckAllButton);
    selectRow->addStretch(1);
    layout->addLayout(selectRow);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_importButton = m_buttons->addButton(tr("Import"), QDialogButtonBox::AcceptRole);
    layout->addWidget(m_buttons);

    connect(m_filter, &QLineEdit::textChanged, this, &CatalogImportDialog::setFilterText);
    connect(m_catalogProvider, &QComboBox::currentIndexChanged, this, [this, proxy](int index) {
        proxy->setProvider(m_catalogProvider->itemData(index).toString());
    });
    connect(m_target, &QComboBox::currentTextChanged, this, &CatalogImportDialog::fillTable);
    connect(m_items, &QStandardItemModel::itemChanged, this, &CatalogImportDialog::updateActions);
    connect(checkShownButton, &QPushButton::clicked, this, [this] { checkShown(true); });
    connect(uncheckAllButton, &QPushButton::clicked, this, [this] {
        const QSignalBlocker blocker(m_items);
        for (int row = 0; row < m_items->rowCount(); ++row)
            m_items->item(row, KeyColumn)->setCheckState(Qt::Unchecked);
        m_view->viewport()->update();
        updateActions();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        emit importRequested(plan());
        accept();
    });

    resize(860, 560);
    updateActions();
    startLoading(path);
}

CatalogImportDialog::~CatalogImportDialog() {
    // The loader checks the flag between entries, so it ends soon after a cancel.
    m_cancel->store(true);
    if (m_loader) {
        m_loader->wait();
        delete m_loader;
    }
}

void CatalogImportDialog::startLoading(const QString &path) {
    auto result = std::make_shared<Result<QList<CatalogModel>>>(Error{});
    std::shared_ptr<std::atomic_bool> cancel = m_cancel;
    m_loader = QThread::create([path, result, cancel] {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *result = Error{tr("Could not read %1: %2").arg(path, file.errorString())};
            return;
        }
        *result = parseLiteLlmCatalog(file.readAll(), cancel.get());
    });
    connect(m_loader, &QThread::finished, this, [this, result] {
        if (!m_cancel->load())
            onLoaded(*result);
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, [this] { m_cancel->store(true); });
    m_loader->start();
}

void CatalogImportDialog::onLoaded(const Result<QList<CatalogModel>> &result) {
    m_progress->hide();
    if (!result.ok()) {
        m_summary->setText(tr("The catalog could not be read: %1").arg(result.error()));
        emit loadFailed(result.error());
        return;
    }
    m_catalog = result.value();

    QStringList catalogProviders;
    for (const CatalogModel &model : std::as_const(m_catalog))
        catalogProviders << model.catalogProvider;
    catalogProviders.removeDuplicates();
    catalogProviders.sort();
    m_catalogProvider->addItem(tr("All providers"), QString());
    for (const QString &provider : std::as_const(catalogProviders))
        m_catalogProvider->addItem(provider, provider);

    fillTable();
    m_view->sortByColumn(KeyColumn, Qt::AscendingOrder);
    emit loaded(int(m_catalog.size()));
}

void CatalogImportDialog::fillTable() {
    if (m_catalog.isEmpty())
        return;
    QSet<QString> checked;
    for (const CatalogModel &model : chosenModels())
        checked.insert(model.key);

    m_items->removeRows(0, m_items->rowCount());
    const QLocale locale;
    const QStringList ids = providerIds();
    for (qsizetype i = 0; i < m_catalog.size(); ++i) {
        const CatalogModel &model = m_catalog.at(i);
        const ImportPlan single = planImport(m_existing, {model}, ids, targetProvider());
        QString action;
        if (!single.added.isEmpty())
            action = tr("add %1 at %2").arg(single.added.first().id, single.added.first().provider);
        else if (!single.updated.isEmpty())
            action = tr("update prices of %1").arg(single.updated.begin()->id);
        else
            action = tr("prices already match");

        auto *key = new QStandardItem(model.key);
        key->setCheckable(true);
        key->setCheckState(checked.contains(model.key) ? Qt::Checked : Qt::Unchecked);
        key->setData(int(i), kCatalogIndexRole);
        QList<QStandardItem *> row{key,
                                   new QStandardItem(model.catalogProvider),
                                   new QStandardItem(price(model.price.input)),
                                   new QStandardItem(price(model.price.output)),
                                   new QStandardItem(locale.toString(model.contextWindow)),
                                   new QStandardItem(action)};
        for (QStandardItem *item : row)
            item->setEditable(false);
        m_items->appendRow(row);
    }
    m_view->resizeColumnsToContents();
    updateActions();
}

void CatalogImportDialog::setFilterText(const QString &text) {
    if (m_filter->text() != text)
        m_filter->setText(text);
    m_proxy->setFilterFixedString(text);
    updateActions();
}

bool CatalogImportDialog::setChosen(const QString &key, bool chosen) {
    const QList<QStandardItem *> found = m_items->findItems(key, Qt::MatchExactly, KeyColumn);
    if (found.isEmpty())
        return false;
    found.first()->setCheckState(chosen ? Qt::Checked : Qt::Unchecked);
    return true;
}

void CatalogImportDialog::setTargetProvider(const QString &providerId) {
    m_target->setCurrentText(providerId);
}

void CatalogImportDialog::checkShown(bool chosen) {
    // One summary update at the end, not one per row.
    {
        const QSignalBlocker blocker(m_items);
        for (int row = 0; row < m_proxy->rowCount(); ++row) {
            const QModelIndex source = m_proxy->mapToSource(m_proxy->index(row, KeyColumn));
            m_items->itemFromIndex(source)->setCheckState(chosen ? Qt::Checked : Qt::Unchecked);
        }
    }
    m_view->viewport()->update();
    updateActions();
}

QList<CatalogModel> CatalogImportDialog::chosenModels() const {
    QList<CatalogModel> chosen;
    for (int row = 0; row < m_items->rowCount(); ++row) {
        const QStandardItem *item = m_items->item(row, KeyColumn);
        if (item->checkState() == Qt::Checked)
            chosen << m_catalog.value(item->data(kCatalogIndexRole).toInt());
    }
    return chosen;
}

ImportPlan CatalogImportDialog::plan() const {
    return planImport(m_existing, chosenModels(), providerIds(), targetProvider());
}

int CatalogImportDialog::visibleCount() const {
    return m_proxy->rowCount();
}

void CatalogImportDialog::updateActions() {
    const ImportPlan planned = plan();
    const qsizetype changes = planned.added.size() + planned.updated.size();
    m_importButton->setEnabled(changes > 0);
    if (m_catalog.isEmpty())
        return;
    m_summary->setText(tr("%1 chat models in the catalog, %2 shown. Checked: %3 to add, %4 to "
                          "update.")
                           .arg(m_catalog.size())
                           .arg(m_proxy->rowCount())
                           .arg(planned.added.size())
                           .arg(planned.updated.size()));
}

QStringList CatalogImportDialog::providerIds() const {
    QStringList ids;
    for (const ProviderConfig &provider : m_providers)
        ids << provider.id;
    return ids;
}

QString CatalogImportDialog::targetProvider() const {
    return m_target->currentText();
}

} // namespace signalbox
