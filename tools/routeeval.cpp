// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
// signalbox-route-eval: measures the automatic router's rules against a labelled set of requests
// and compares the cost of routing them with always calling the strongest model.
#include "config/configloader.h"
#include "routing/autorouter.h"
#include "routing/router.h"
#include "routing/taskrules.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTextStream>

#include <algorithm>
#include <array>
#include <cstdio>

using namespace signalbox;

namespace {

// Output tokens of a classification: the verdict is a JSON object of about 20 tokens.
constexpr qint64 kClassifierOutputTokens = 20;

// Confidence buckets of the calibration table: below 0.5, then steps of 0.1 up to 1.
constexpr int kConfidenceBuckets = 6;

int confidenceBucket(double confidence) {
    if (confidence < 0.5)
        return 0;
    return std::min(kConfidenceBuckets - 1, 1 + int((confidence - 0.5) * 10 + 1e-9));
}

double bucketLowerBound(int bucket) {
    return bucket == 0 ? 0.0 : 0.5 + 0.1 * (bucket - 1);
}

double bucketUpperBound(int bucket) {
    return bucket == kConfidenceBuckets - 1 ? 1.0 : 0.5 + 0.1 * bucket;
}

struct EvalCase {
    QString id;
    QJsonObject body;
    TaskCategory category;
    Difficulty difficulty;
};

// The router's decisions for one case.
struct CaseResult {
    ChatRequestFeatures request;
    TaskFeatures task;
    TaskProfile rules;      // the rules' profile
    bool wantsClassifier;   // confidence below the threshold
    QString routedModel;    // rules only
    QString oracleModel;    // with a classifier that returns the labels
    QString strongestModel; // the highest-quality model that can serve the request
    double routedCostUsd = 0;
    double oracleCostUsd = 0;
    double strongestCostUsd = 0;
    double classifierCostUsd = 0;
    // The same routes at list prices without the hidden reasoning tokens, as earlier versions
    // of this tool counted them.
    double routedListPriceUsd = 0;
    double strongestListPriceUsd = 0;
};

struct Tally {
    int cases = 0;
    int categoryHits = 0;
    int difficultyHits = 0;

    void add(bool categoryHit, bool difficultyHit) {
        ++cases;
        categoryHits += categoryHit ? 1 : 0;
        difficultyHits += difficultyHit ? 1 : 0;
    }
    double categoryAccuracy() const { return cases ? double(categoryHits) / cases : 0; }
    double difficultyAccuracy() const { return cases ? double(difficultyHits) / cases : 0; }
};

struct Report {
    QString file;
    QString labels; // "author" or "independent"
    QString configName;
    double qualityWeight = 0;
    double minConfidence = 0;
    QString classifierModel;
    Tally all;
    Tally rulesDecided;
    int wantClassifier = 0;
    double routedCostUsd = 0;
    double classifierCostUsd = 0;
    double oracleCostUsd = 0;
    double strongestCostUsd = 0;
    double routedListPriceUsd = 0;
    double strongestListPriceUsd = 0;
    QMap<QString, Tally> byCategory;   // by labelled category
    QMap<QString, Tally> byDifficulty; // by labelled difficulty
    QMap<QString, int> routedModels;
    QMap<QString, int> confusion; // "label -> rules" for category misses
    // By the rules' confidence, see confidenceBucket(): whether the confidence predicts
    // agreement with the labels.
    std::array<Tally, kConfidenceBuckets> byConfidence{};
};

// Reads the cases of a JSONL file. `labelPrefix` picks the labels: "" reads "category" and
// "difficulty", "independent_" the second annotation some sets carry.
Result<QList<EvalCase>> readCases(const QString &path, const QString &labelPrefix) {
    const QString categoryKey = labelPrefix + QLatin1String("category");
    const QString difficultyKey = labelPrefix + QLatin1String("difficulty");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("failed to open %1: %2").arg(path, file.errorString())};

    QList<EvalCase> cases;
    int lineNumber = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        ++lineNumber;
        if (line.isEmpty())
            continue;
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        const auto category = parseTaskCategory(object.value(categoryKey).toString());
        const auto difficulty = parseDifficulty(object.value(difficultyKey).toString());
        if (object.isEmpty() || !category || !difficulty ||
            !object.value(QLatin1String("messages")).isArray())
            return Error{QStringLiteral("%1:%2: invalid case; each line needs \"messages\", a "
                                        "known \"%3\" and \"%4\"")
                             .arg(path)
                             .arg(lineNumber)
                             .arg(categoryKey, difficultyKey)};
        QJsonObject body = object;
        body.insert(QLatin1String("model"), QLatin1String("auto"));
        cases.append({object.value(QLatin1String("id")).toString(), body, *category, *difficulty});
    }
    if (cases.isEmpty())
        return Error{QStringLiteral("%1 has no cases").arg(path)};
    return cases;
}

Result<ConfigPtr> loadConfig(const QString &path) {
    const ConfigLoad load =
        path.isEmpty() ? parseConfig(defaultConfigJson()) : loadConfigFile(path);
    if (load.ok())
        return load.config;
    QStringList problems;
    for (const ConfigProblem &problem : load.problems)
        problems << problem.toString();
    return Error{QStringLiteral("invalid config: ") + problems.join(QLatin1String("; "))};
}

// The expected cost on a model, with the reasoning tokens its reasoning_output_factor adds to
// the output unless withoutReasoning is set.
double costOn(const Config &config, const QString &modelId, const ChatRequestFeatures &features,
              qint64 outputTokens, bool withoutReasoning = false) {
    const ModelConfig *found = config.findModel(modelId);
    if (!found)
        return 0;
    ModelConfig model = *found;
    if (withoutReasoning)
        model.reasoningOutputFactor = 0;
    return expectedCostUsd(model, features.estimatedInputTokens, outputTokens);
}

// The model "always use the strongest" would call: the highest quality among the models that
// can serve the request, found by routing with quality weight 1 and no quality floor.
QString strongestModelFor(const Config &config, const RouteInput &input) {
    Config strongest = config;
    strongest.routing.autoRouting.qualityWeight = 1.0;
    strongest.routing.autoRouting.minQuality = {};
    strongest.routing.autoRouting.classifierModel.clear();
    QString best;
    int bestQuality = -1;
    const AutoChoice choice = chooseAutomatically(strongest, input.features, input.task, nullptr);
    for (const CandidateScore &entry : choice.scores) {
        if (entry.quality > bestQuality) {
            bestQuality = entry.quality;
            best = entry.model;
        }
    }
    return best;
}

CaseResult evaluate(const Config &config, const EvalCase &evalCase) {
    RouteInput input = routeInputFromRequest(evalCase.body, {}, {});
    CaseResult result;
    result.request = input.features;
    result.task = input.task;
    const AutoChoice rules = chooseAutomatically(config, input.features, input.task, nullptr);
    result.rules = rules.profile;
    result.wantsClassifier = rules.wantsClassifier;
    result.routedModel = rules.candidates.value(0, config.routing.fallbackModel);

    // A classifier that always returns the labels: the best the classifier could do.
    ClassifierVerdict verdict{evalCase.category, evalCase.difficulty, 1.0, QString(), false};
    const AutoChoice oracle =
        rules.wantsClassifier
            ? chooseAutomatically(config, input.features, input.task, nullptr,
                                  ClassifierOutcome{verdict, QStringLiteral("labels")})
            : rules;
    result.oracleModel = oracle.candidates.value(0, config.routing.fallbackModel);
    result.strongestModel = strongestModelFor(config, input);

    // Cost model: the estimated prompt plus the output the labelled difficulty leads one to
    // expect, the same for every model, so only the choice of model differs.
    const qint64 output =
        expectedOutputTokens(evalCase.difficulty, input.features.requestedMaxOutputTokens);
    result.routedCostUsd = costOn(config, result.routedModel, input.features, output);
    result.oracleCostUsd = costOn(config, result.oracleModel, input.features, output);
    result.strongestCostUsd = costOn(config, result.strongestModel, input.features, output);
    result.routedListPriceUsd = costOn(config, result.routedModel, input.features, output, true);
    result.strongestListPriceUsd =
        costOn(config, result.strongestModel, input.features, output, true);
    if (rules.wantsClassifier) {
        const ChatRequestFeatures classifier = analyzeChatRequest(classifierRequest(evalCase.body));
        result.classifierCostUsd = costOn(config, config.routing.autoRouting.classifierModel,
                                          classifier, kClassifierOutputTokens);
    }
    return result;
}

void addToReport(Report &report, const EvalCase &evalCase, const CaseResult &result) {
    const bool categoryHit = result.rules.category == evalCase.category;
    const bool difficultyHit = result.rules.difficulty == evalCase.difficulty;
    report.all.add(categoryHit, difficultyHit);
    if (result.wantsClassifier)
        ++report.wantClassifier;
    else
        report.rulesDecided.add(categoryHit, difficultyHit);
    report.byCategory[taskCategoryName(evalCase.category)].add(categoryHit, difficultyHit);
    report.byDifficulty[difficultyName(evalCase.difficulty)].add(categoryHit, difficultyHit);
    report.byConfidence[confidenceBucket(result.rules.confidence)].add(categoryHit, difficultyHit);
    report.routedModels[result.routedModel] += 1;
    if (!categoryHit)
        report.confusion[taskCategoryName(evalCase.category) + QLatin1String(" -> ") +
                         taskCategoryName(result.rules.category)] += 1;
    report.routedCostUsd += result.routedCostUsd;
    report.classifierCostUsd += result.classifierCostUsd;
    report.oracleCostUsd += result.oracleCostUsd;
    report.strongestCostUsd += result.strongestCostUsd;
    report.routedListPriceUsd += result.routedListPriceUsd;
    report.strongestListPriceUsd += result.strongestListPriceUsd;
}

QString percent(double fraction) {
    return QString::number(100 * fraction, 'f', 1) + QLatin1Char('%');
}

QString ratio(int part, int whole) {
    return QStringLiteral("%1 / %2 (%3)")
        .arg(part)
        .arg(whole)
        .arg(percent(whole ? double(part) / whole : 0));
}

QString usd(double value) {
    return QLatin1Char('$') + QString::number(value, 'f', 4);
}

double costRatio(const Report &report) {
    return report.strongestCostUsd > 0
               ? (report.routedCostUsd + report.classifierCostUsd) / report.strongestCostUsd
               : 0;
}

double listPriceCostRatio(const Report &report) {
    return report.strongestListPriceUsd > 0
               ? (report.routedListPriceUsd + report.classifierCostUsd) /
                     report.strongestListPriceUsd
               : 0;
}

QString bucketName(int bucket) {
    return QStringLiteral("%1-%2")
        .arg(bucketLowerBound(bucket), 0, 'f', 1)
        .arg(bucketUpperBound(bucket), 0, 'f', 1);
}

void printRow(QTextStream &out, const QString &name, const QString &value) {
    out << name.leftJustified(48) << value << '\n';
}

void printText(QTextStream &out, const Report &report) {
    out << "Auto-routing evaluation of " << report.file << ", " << report.labels << " labels\n";
    out << "Registry: " << report.configName << ", quality_weight " << report.qualityWeight
        << ", classifier_min_confidence " << report.minConfidence << ", classifier_model "
        << (report.classifierModel.isEmpty() ? QStringLiteral("(none)") : report.classifierModel)
        << "\nCost model: estimated prompt tokens + expected output tokens by labelled difficulty "
           "(low 400, medium 1200, high 3000, capped by max_tokens) + the hidden reasoning "
           "tokens of each model's reasoning_output_factor, at each model's list price\n\n";

    const int total = report.all.cases;
    printRow(out, QStringLiteral("metric"), QStringLiteral("value"));
    printRow(out, QStringLiteral("requests"), QString::number(total));
    printRow(out, QStringLiteral("rules decide (confidence >= threshold)"),
             ratio(report.rulesDecided.cases, total));
    printRow(out, QStringLiteral("need the classifier"), ratio(report.wantClassifier, total));
    printRow(out, QStringLiteral("category accuracy, all"), ratio(report.all.categoryHits, total));
    printRow(out, QStringLiteral("difficulty accuracy, all"),
             ratio(report.all.difficultyHits, total));
    printRow(out, QStringLiteral("category accuracy, rules-decided"),
             ratio(report.rulesDecided.categoryHits, report.rulesDecided.cases));
    printRow(out, QStringLiteral("difficulty accuracy, rules-decided"),
             ratio(report.rulesDecided.difficultyHits, report.rulesDecided.cases));
    printRow(out, QStringLiteral("cost, routed by the rules"), usd(report.routedCostUsd));
    printRow(out, QStringLiteral("cost, classifier calls"), usd(report.classifierCostUsd));
    printRow(out, QStringLiteral("cost, routed with a label-perfect classifier"),
             usd(report.oracleCostUsd + report.classifierCostUsd));
    printRow(out, QStringLiteral("cost, always the strongest model"), usd(report.strongestCostUsd));
    printRow(out, QStringLiteral("routed + classifier / strongest"), percent(costRatio(report)));
    printRow(out, QStringLiteral("the same without reasoning tokens"),
             percent(listPriceCostRatio(report)));

    out << "\nlabel        cases  category  difficulty\n";
    const auto printTallies = [&out](const QMap<QString, Tally> &tallies) {
        for (auto it = tallies.cbegin(); it != tallies.cend(); ++it)
            out << it.key().leftJustified(12) << ' ' << QString::number(it->cases).rightJustified(5)
                << "  " << percent(it->categoryAccuracy()).rightJustified(8) << "  "
                << percent(it->difficultyAccuracy()).rightJustified(10) << '\n';
    };
    printTallies(report.byCategory);
    printTallies(report.byDifficulty);

    out << "\nconfidence   cases  category  difficulty\n";
    for (int bucket = 0; bucket < kConfidenceBuckets; ++bucket) {
        const Tally &tally = report.byConfidence[bucket];
        out << bucketName(bucket).leftJustified(12) << ' '
            << QString::number(tally.cases).rightJustified(5) << "  "
            << percent(tally.categoryAccuracy()).rightJustified(8) << "  "
            << percent(tally.difficultyAccuracy()).rightJustified(10) << '\n';
    }

    out << "\nmodels chosen by the rules:";
    for (auto it = report.routedModels.cbegin(); it != report.routedModels.cend(); ++it)
        out << ' ' << it.key() << '=' << it.value();
    out << "\ncategory misses (label -> rules):";
    for (auto it = report.confusion.cbegin(); it != report.confusion.cend(); ++it)
        out << ' ' << it.key() << " x" << it.value() << ';';
    out << '\n';
}

void printCase(QTextStream &out, const EvalCase &evalCase, const CaseResult &result) {
    const TaskProfile &rules = result.rules;
    const bool hit = rules.category == evalCase.category && rules.difficulty == evalCase.difficulty;
    out << (hit ? "  " : "X ") << evalCase.id.leftJustified(6) << ' '
        << QString(taskCategoryName(evalCase.category) + u'/' + difficultyName(evalCase.difficulty))
               .leftJustified(20)
        << QString(taskCategoryName(rules.category) + u'/' + difficultyName(rules.difficulty))
               .leftJustified(20)
        << QString::number(rules.confidence, 'f', 2) << (result.wantsClassifier ? " C " : "   ")
        << QString::number(rules.difficultyPoints, 'f', 2).rightJustified(5) << ' '
        << result.routedModel.leftJustified(20) << ' ' << result.strongestModel << '\n';
}

void printRuleHits(QTextStream &out, const TaskProfile &profile) {
    for (const QString &hit : profile.ruleHits)
        out << "         " << hit << '\n';
}

QJsonArray calibrationJson(const Report &report) {
    QJsonArray buckets;
    for (int bucket = 0; bucket < kConfidenceBuckets; ++bucket) {
        const Tally &tally = report.byConfidence[bucket];
        buckets.append(QJsonObject{
            {QLatin1String("from"), bucketLowerBound(bucket)},
            {QLatin1String("to"), bucketUpperBound(bucket)},
            {QLatin1String("cases"), tally.cases},
            {QLatin1String("category_accuracy"), tally.categoryAccuracy()},
            {QLatin1String("difficulty_accuracy"), tally.difficultyAccuracy()},
        });
    }
    return buckets;
}

// One case with its labels, the rules' profile and the features the rules read, so that changes
// to the rules can be studied outside the program.
QJsonObject caseJson(const EvalCase &evalCase, const CaseResult &result) {
    const TaskProfile &rules = result.rules;
    const TaskFeatures &task = result.task;
    QJsonObject scores;
    for (int i = 0; i < kTaskCategoryCount; ++i)
        scores.insert(taskCategoryName(TaskCategory(i)), rules.categoryScores[i]);
    return {
        {QLatin1String("id"), evalCase.id},
        {QLatin1String("label_category"), taskCategoryName(evalCase.category)},
        {QLatin1String("label_difficulty"), difficultyName(evalCase.difficulty)},
        {QLatin1String("category"), taskCategoryName(rules.category)},
        {QLatin1String("difficulty"), difficultyName(rules.difficulty)},
        {QLatin1String("confidence"), rules.confidence},
        {QLatin1String("difficulty_points"), rules.difficultyPoints},
        {QLatin1String("category_scores"), scores},
        {QLatin1String("rule_hits"), QJsonArray::fromStringList(rules.ruleHits)},
        {QLatin1String("estimated_input_tokens"), result.request.estimatedInputTokens},
        {QLatin1String("turns"), result.request.turns},
        {QLatin1String("code_blocks"), task.codeBlocks},
        {QLatin1String("code_lines"), task.codeLines},
        {QLatin1String("code_like_lines"), task.codeLikeLines},
        {QLatin1String("code_definitions"), task.codeDefinitions},
        {QLatin1String("code_files"), task.codeFiles},
        {QLatin1String("concurrency_in_code"), task.concurrencyInCode},
        {QLatin1String("languages"), task.languages.size()},
        {QLatin1String("error_trace"), task.hasErrorTrace},
        {QLatin1String("error_log"), task.hasErrorLog},
        {QLatin1String("hard_markers"), task.hardMarkers},
        {QLatin1String("easy_markers"), task.easyMarkers},
        {QLatin1String("hard_subjects"), task.hardSubjects},
        {QLatin1String("easy_subjects"), task.easySubjects},
        {QLatin1String("build_request"), task.buildRequest},
        {QLatin1String("cause_question"), task.causeQuestion},
        {QLatin1String("broad_scope"), task.broadScope},
        {QLatin1String("asks"), task.asks},
        {QLatin1String("choice_question"), task.choiceQuestion},
        {QLatin1String("last_user_words"), task.lastUserWords},
        {QLatin1String("material_skipped"), task.materialSkipped},
    };
}

QJsonObject reportJson(const Report &report) {
    QJsonObject models;
    for (auto it = report.routedModels.cbegin(); it != report.routedModels.cend(); ++it)
        models.insert(it.key(), it.value());
    const int total = report.all.cases;
    return {
        {QLatin1String("file"), report.file},
        {QLatin1String("labels"), report.labels},
        {QLatin1String("requests"), total},
        {QLatin1String("rules_decided"), report.rulesDecided.cases},
        {QLatin1String("classifier_share"), total ? double(report.wantClassifier) / total : 0},
        {QLatin1String("category_accuracy"), report.all.categoryAccuracy()},
        {QLatin1String("difficulty_accuracy"), report.all.difficultyAccuracy()},
        {QLatin1String("rules_decided_category_accuracy"), report.rulesDecided.categoryAccuracy()},
        {QLatin1String("rules_decided_difficulty_accuracy"),
         report.rulesDecided.difficultyAccuracy()},
        {QLatin1String("cost_model"), QLatin1String("expected_output_tokens")},
        {QLatin1String("cost_routed_usd"), report.routedCostUsd},
        {QLatin1String("cost_classifier_usd"), report.classifierCostUsd},
        {QLatin1String("cost_oracle_usd"), report.oracleCostUsd},
        {QLatin1String("cost_strongest_usd"), report.strongestCostUsd},
        {QLatin1String("cost_ratio"), costRatio(report)},
        {QLatin1String("cost_ratio_without_reasoning"), listPriceCostRatio(report)},
        {QLatin1String("models"), models},
        {QLatin1String("calibration"), calibrationJson(report)}};
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("signalbox-route-eval"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Routes every request of a JSONL evaluation set with the automatic router "
                       "(rules only, no network) and reports accuracy against the labels, the "
                       "share that would need the classifier, and the cost against always using "
                       "the strongest model."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("JSONL file, one {\"messages\", \"category\", "
                                                "\"difficulty\"} object per line."));
    const QCommandLineOption config(QStringLiteral("config"),
                                    QStringLiteral("Config file whose registry is used (default: "
                                                   "the embedded default config)."),
                                    QStringLiteral("PATH"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print the figures as one JSON object."));
    const QCommandLineOption listCases(
        QStringLiteral("cases"),
        QStringLiteral("Also print one line per request: labels, the rules' profile and the "
                       "chosen model. With --json, add a \"cases\" array with the features "
                       "the rules read."));
    const QCommandLineOption ruleHits(QStringLiteral("rule-hits"),
                                      QStringLiteral("With --cases, also print the rules that "
                                                     "fired for each request, with their "
                                                     "weights."));
    const QCommandLineOption labels(
        QStringLiteral("labels"),
        QStringLiteral("Which labels to measure against: \"author\" (default) reads "
                       "\"category\" and \"difficulty\", \"independent\" reads "
                       "\"independent_category\" and \"independent_difficulty\", a second "
                       "annotation by someone who did not write the requests."),
        QStringLiteral("WHICH"), QStringLiteral("author"));
    parser.addOptions({config, json, listCases, ruleHits, labels});
    parser.process(app);

    QTextStream err(stderr);
    if (parser.positionalArguments().size() != 1) {
        err << "signalbox-route-eval: expected one FILE argument; see --help\n";
        return 2;
    }
    const QString labelSet = parser.value(labels);
    if (labelSet != QLatin1String("author") && labelSet != QLatin1String("independent")) {
        err << "signalbox-route-eval: invalid --labels value \"" << labelSet
            << "\"; use \"author\" or \"independent\"\n";
        return 2;
    }
    const QString path = parser.positionalArguments().first();
    Result<QList<EvalCase>> cases =
        readCases(path, labelSet == QLatin1String("independent") ? QStringLiteral("independent_")
                                                                 : QString());
    if (!cases) {
        err << "signalbox-route-eval: " << cases.error() << '\n';
        return 2;
    }
    Result<ConfigPtr> loaded = loadConfig(parser.value(config));
    if (!loaded) {
        err << "signalbox-route-eval: " << loaded.error() << '\n';
        return 2;
    }

    const Config &registry = *loaded.value();
    Report report;
    report.file = path;
    report.labels = labelSet;
    report.configName =
        parser.isSet(config) ? parser.value(config) : QStringLiteral("embedded default config");
    report.configName += QStringLiteral(" (%1 models)").arg(registry.models.size());
    report.qualityWeight = registry.routing.autoRouting.qualityWeight;
    report.minConfidence = registry.routing.autoRouting.classifierMinConfidence;
    report.classifierModel = registry.routing.autoRouting.classifierModel;
    QTextStream out(stdout);
    const bool asJson = parser.isSet(json);
    QJsonArray caseObjects;
    for (const EvalCase &evalCase : cases.value()) {
        const CaseResult result = evaluate(registry, evalCase);
        addToReport(report, evalCase, result);
        if (parser.isSet(listCases) && asJson)
            caseObjects.append(caseJson(evalCase, result));
        else if (parser.isSet(listCases))
            printCase(out, evalCase, result);
        if (parser.isSet(listCases) && parser.isSet(ruleHits) && !asJson)
            printRuleHits(out, result.rules);
    }

    if (asJson) {
        QJsonObject object = reportJson(report);
        if (parser.isSet(listCases))
            object.insert(QLatin1String("cases"), caseObjects);
        out << QJsonDocument(object).toJson(QJsonDocument::Indented);
    } else
        printText(out, report);
    return 0;
}
