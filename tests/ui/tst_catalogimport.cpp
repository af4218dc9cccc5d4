// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "catalogimportdialog.h"
#include "litellmcatalog.h"
#include "modelspage.h"
#include "modeltablemodel.h"
#include "pagetesting.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QPushButton>

using namespace signalbox;

namespace {

// A real LiteLLM price catalog (model_prices_and_context_window.json), as LiteLLM publishes it.
QString catalogPath() {
    return QStringLiteral(SIGNALBOX_SHARED_DATA "/litellm_model_prices.json");
}

std::optional<CatalogModel> find(const QList<CatalogModel> &models, const QString &key) {
    for (const CatalogModel &model : models) {
        if (model.key == key)
            return model;
    }
    return std::nullopt;
}

} // namespace

class TestCatalogImport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void readsChatModelsOnly();
    void convertsPricesAndLimits();
    void rejectsInvalidCatalog();
    void matchesProviders_data();
    void matchesProviders();
    void planUpdatesAndAdds();
    void dialogImportsIntoPage();

private:
    QList<CatalogModel> m_catalog;
};

void TestCatalogImport::initTestCase() {
    QFile file(catalogPath());
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(catalogPath()));
    const Result<QList<CatalogModel>> parsed = parseLiteLlmCatalog(file.readAll());
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error()));
    m_catalog = parsed.value();
}

void TestCatalogImport::readsChatModelsOnly() {
    // 2171 entries of this catalog file have mode "chat" and both token prices.
    QCOMPARE(m_catalog.size(), 2171);
    QVERIFY(!find(m_catalog, QStringLiteral("text-embedding-3-small")));
    QVERIFY(!find(m_catalog, QStringLiteral("sample_spec")));
    QVERIFY(
        std::is_sorted(m_catalog.begin(), m_catalog.end(),
                       [](const CatalogModel &a, const CatalogModel &b) { return a.key < b.key; }));
}

void TestCatalogImport::convertsPricesAndLimits() {
    const std::optional<CatalogModel> mini = find(m_catalog, QStringLiteral("gpt-4o-mini"));
    QVERIFY(mini);
    QCOMPARE(mini->catalogProvider, QStringLiteral("openai"));
    QCOMPARE(mini->upstreamId, QStringLiteral("gpt-4o-mini"));
    QCOMPARE(mini->price.input, 0.15);
    QCOMPARE(mini->price.output, 0.60);
    QCOMPARE(mini->price.cachedInput, 0.075);
    QCOMPARE(mini->price.cacheWrite, 0.15); // no cache write price: billed as input
    QCOMPARE(mini->contextWindow, 128000);
    QCOMPARE(mini->maxOutputTokens, 16384);
    QCOMPARE(mini->capabilities, QStringList({QStringLiteral("tools"), QStringLiteral("vision"),
                                              QStringLiteral("json")}));

    const std::optional<CatalogModel> haiku =
        find(m_catalog, QStringLiteral("claude-haiku-4-5-20251001"));
    QVERIFY(haiku);
    QCOMPARE(haiku->price.cacheWrite, 1.25);
    QVERIFY(haiku->capabilities.contains(QStringLiteral("reasoning")));

    // A provider prefix in the key is not part of the upstream id.
    const std::optional<CatalogModel> flash =
        find(m_catalog, QStringLiteral("gemini/gemini-2.5-flash"));
    QVERIFY(flash);
    QCOMPARE(flash->upstreamId, QStringLiteral("gemini-2.5-flash"));
    QCOMPARE(flash->price.output, 2.5);
    QCOMPARE(flash->contextWindow, 1048576);
}

void TestCatalogImport::rejectsInvalidCatalog() {
    const Result<QList<CatalogModel>> notJson = parseLiteLlmCatalog("{\"gpt\": ");
    QVERIFY(!notJson.ok());
    QVERIFY2(notJson.error().contains(QStringLiteral("invalid JSON")), qPrintable(notJson.error()));
    const Result<QList<CatalogModel>> array = parseLiteLlmCatalog("[1, 2]");
    QVERIFY(!array.ok());

    std::atomic_bool cancel = true;
    const Result<QList<CatalogModel>> cancelled =
        parseLiteLlmCatalog(R"({"a": {"mode": "chat"}})", &cancel);
    QVERIFY(!cancelled.ok());
}

void TestCatalogImport::matchesProviders_data() {
    QTest::addColumn<QString>("catalogProvider");
    QTest::addColumn<QString>("expected");
    QTest::newRow("same id") << QStringLiteral("openai") << QStringLiteral("openai");
    QTest::newRow("_ai suffix") << QStringLiteral("together_ai") << QStringLiteral("together");
    QTest::newRow("unknown") << QStringLiteral("vertex_ai-language-models")
                             << QStringLiteral("fallback");
}

void TestCatalogImport::matchesProviders() {
    QFETCH(QString, catalogProvider);
    QFETCH(QString, expected);
    const QStringList configured{QStringLiteral("openai"), QStringLiteral("together")};
    QCOMPARE(matchProvider(catalogProvider, configured, QStringLiteral("fallback")), expected);
}

void TestCatalogImport::planUpdatesAndAdds() {
    ModelConfig mini;
    mini.id = QStringLiteral("mini");
    mini.provider = QStringLiteral("openai");
    mini.upstreamId = QStringLiteral("gpt-4o-mini");
    mini.price = {1, 2, 1, 1};
    mini.quality = 77;
    mini.strengths = {QStringLiteral("ui")};
    mini.reasoningOutputFactor = 2.5;
    ModelConfig sameIdElsewhere = mini;
    sameIdElsewhere.id = QStringLiteral("gpt-4.1-mini");
    sameIdElsewhere.provider = QStringLiteral("azure");
    sameIdElsewhere.upstreamId = QStringLiteral("other");

    const QList<CatalogModel> chosen{*find(m_catalog, QStringLiteral("gpt-4o-mini")),
                                     *find(m_catalog, QStringLiteral("gpt-4.1-mini"))};
    const ImportPlan plan =
        planImport({mini, sameIdElsewhere}, chosen,
                   {QStringLiteral("openai"), QStringLiteral("azure")}, QStringLiteral("openai"));

    QCOMPARE(plan.updated.size(), 1);
    const ModelConfig updated = plan.updated.value(0);
    QCOMPARE(updated.id, QStringLiteral("mini"));
    QCOMPARE(updated.price.output, 0.60);
    QCOMPARE(updated.quality, 77); // only prices change
    QCOMPARE(updated.strengths, QStringList{QStringLiteral("ui")});
    QCOMPARE(updated.reasoningOutputFactor, 2.5);

    QCOMPARE(plan.added.size(), 1);
    const ModelConfig added = plan.added.first();
    QCOMPARE(added.id, QStringLiteral("gpt-4.1-mini-openai")); // the plain id is taken
    QCOMPARE(added.provider, QStringLiteral("openai"));
    QCOMPARE(added.upstreamId, QStringLiteral("gpt-4.1-mini"));
    QCOMPARE(added.contextWindow, 1047576);
    QCOMPARE(added.price.input, 0.40);
    QCOMPARE(added.quality, 50);
    QCOMPARE(added.reasoningOutputFactor, 0.0); // the catalog has no such figure

    // Importing the same prices again changes nothing.
    const ImportPlan again = planImport({updated}, {chosen.first()}, {QStringLiteral("openai")},
                                        QStringLiteral("openai"));
    QVERIFY(again.updated.isEmpty());
    QVERIFY(again.added.isEmpty());
    QCOMPARE(again.unchanged, QStringList{QStringLiteral("mini")});
}

void TestCatalogImport::dialogImportsIntoPage() {
    testing::DemoRouter router;
    QVERIFY(router.start());
    ModelsPage page(router.service.get());
    ModelTableModel *table = page.tableModel();
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 6, testing::kPageWaitMs);

    // An outdated price, which the import corrects.
    QVERIFY(table->setData(table->index(0, ModelTableModel::OutputPriceColumn), 9.99));
    // A reasoning factor, which the catalog does not know and the import keeps.
    QVERIFY(table->setData(table->index(0, ModelTableModel::ReasoningFactorColumn), 1.5));
    const int undoSteps = table->undoStack()->count();

    page.importCatalog(catalogPath());
    auto *dialog = page.findChild<CatalogImportDialog *>();
    QVERIFY(dialog);
    QSignalSpy loaded(dialog, &CatalogImportDialog::loaded);
    QVERIFY(loaded.wait(testing::kPageWaitMs));
    QCOMPARE(dialog->modelCount(), 2171);

    dialog->setFilterText(QStringLiteral("gpt-4.1-mini"));
    QVERIFY(dialog->visibleCount() >= 1);
    QVERIFY(dialog->visibleCount() < 30);
    dialog->setTargetProvider(QStringLiteral("simulated"));
    QVERIFY(dialog->setChosen(QStringLiteral("gpt-4.1-mini"), true));
    QVERIFY(dialog->setChosen(QStringLiteral("gpt-4o-mini"), true));
    QVERIFY(!dialog->setChosen(QStringLiteral("no-such-model"), true));

    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    QVERIFY(buttons);
    QPushButton *import = nullptr;
    for (QAbstractButton *button : buttons->buttons()) {
        if (buttons->buttonRole(button) == QDialogButtonBox::AcceptRole)
            import = qobject_cast<QPushButton *>(button);
    }
    QVERIFY(import);
    QVERIFY(import->isEnabled());
    import->click();

    QCOMPARE(table->rowCount(), 7);
    const ModelConfig &added = table->models().last();
    QCOMPARE(added.id, QStringLiteral("gpt-4.1-mini"));
    QCOMPARE(added.provider, QStringLiteral("simulated"));
    QCOMPARE(added.price.output, 1.60);
    QCOMPARE(table->models().at(0).price.output, 0.60);
    QCOMPARE(table->models().at(0).reasoningOutputFactor, 1.5);
    QVERIFY(page.problems().isEmpty());

    // The whole import is one undo step.
    QCOMPARE(table->undoStack()->count(), undoSteps + 1);
    table->undoStack()->undo();
    QCOMPARE(table->rowCount(), 6);
    QCOMPARE(table->models().at(0).price.output, 9.99);
}

QTEST_MAIN(TestCatalogImport)
#include "tst_catalogimport.moc"
