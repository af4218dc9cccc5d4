// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "routing/taskfeatures.h"

#include "routing/codescan.h"
#include "routing/keywords.h"
#include "routing/requestshape.h"

#include <QJsonArray>
#include <QSet>

#include <algorithm>

namespace signalbox {

namespace {

// The parts of a message the keyword scan reads. Instructions sit at the start and the end of a
// message; the middle of a long one is pasted code, logs or documents.
constexpr qsizetype kSystemHeadChars = 2000;
constexpr qsizetype kUserHeadChars = 4000;
constexpr qsizetype kUserTailChars = 2000;
constexpr qsizetype kToolHeadChars = 2000;
constexpr qsizetype kPreviousUserHeadChars = 1000;
constexpr double kPreviousUserWeight = 0.5;
// An instruction such as "Translate to German:" ends at a colon or line break this early.
constexpr qsizetype kMaxLeadInChars = 200;
// The prose at the start of the last user message that is read for the shape of the request.
constexpr qsizetype kInstructionChars = 1500;
// German joins nouns into compounds ("Datenkonsistenz", "Migrationsstrategie"). A long word
// without a match of its own is looked up by its tail, which carries the meaning, down to this
// many characters, and only when the head left over has as many.
constexpr qsizetype kMinCompoundWordChars = 9;
constexpr qsizetype kMinCompoundPartChars = 4;
// Exception types named in prose ("ModuleNotFoundError", "IllegalStateException") are error
// signatures whatever their exact name. In code, names such as "handleError" are no sign of one.
const KeywordRule kErrorTypeRule{u"*error / *exception", KeywordKind::Signature,
                                 TaskCategory::Debugging, 2};
const QLatin1String kFence("```");

QString messageText(const QJsonObject &message) {
    const QJsonValue content = message.value(QLatin1String("content"));
    if (content.isString())
        return content.toString();
    QString text;
    for (const QJsonValue &part : content.toArray()) {
        const QJsonObject object = part.toObject();
        if (object.value(QLatin1String("type")).toString() == QLatin1String("text")) {
            if (!text.isEmpty())
                text += QLatin1Char('\n');
            text += object.value(QLatin1String("text")).toString();
        }
    }
    return text;
}

bool isCjkOrKana(char16_t c) {
    return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) ||
           (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF);
}

bool isWordChar(QChar c) {
    return c.isLetterOrNumber() || c == u'_';
}

// One piece of text to scan for keywords. In a code region only error signatures count.
struct ScanWindow {
    QStringView text;
    bool startsInCode = false;
    bool signaturesOnly = false;
    double weight = 1.0; // factor on the weights of the category keywords found
};

// Collects the keyword hits of a window. Words are runs of letters and digits, joined by an
// apostrophe or a hyphen between letters ("doesn't", "trade-off"), compared in lower case.
bool isSubject(const KeywordRule *rule) {
    return rule->kind == KeywordKind::HardSubject || rule->kind == KeywordKind::EasySubject;
}

class KeywordScanner {
public:
    explicit KeywordScanner(TaskFeatures &features)
        : m_features(features)
        , m_index(KeywordIndex::instance()) {}

    void scan(const ScanWindow &window) {
        // Log levels are matched before lower-casing: "ERROR" in a log, not "error" in prose.
        for (const QLatin1String level :
             {QLatin1String("ERROR"), QLatin1String("FATAL"), QLatin1String("FAILED")}) {
            if (window.text.contains(level))
                m_features.hasErrorLog = true;
        }
        m_textTask = false;
        // Character by character, so that every offset in the copy is the same in the original
        // ("İ" would become two characters in QString::toLower()).
        QString lower = window.text.toString();
        for (QChar &c : lower)
            c = c.toLower();
        m_original = window.text;
        m_lower = lower;
        buildWords(lower, window.startsInCode);
        m_weight = window.weight;
        matchWords(lower, window.signaturesOnly);
        if (m_cjkChars > 0)
            matchSubstrings(lower, window.signaturesOnly);
        m_lower = {};
    }

    // Returns true when the last scanned window has a summarize, translate or format keyword,
    // also one already counted from an earlier window.
    bool lastWindowHadTextTask() const { return m_textTask; }

private:
    struct Word {
        qsizetype start;
        qsizetype end;
        bool inCode;
    };

    void buildWords(const QString &text, bool inCode) {
        m_words.clear();
        m_cjkChars = 0;
        const qsizetype size = text.size();
        qsizetype i = 0;
        while (i < size) {
            const QChar c = text[i];
            if (c == u'`' && QStringView(text).mid(i, 3) == kFence) {
                inCode = !inCode;
                i += 3;
                continue;
            }
            if (isCjkOrKana(c.unicode())) {
                ++m_cjkChars;
                ++i;
                continue;
            }
            if (!isWordChar(c)) {
                ++i;
                continue;
            }
            const qsizetype start = i;
            while (i < size) {
                if (isWordChar(text[i])) {
                    ++i;
                } else if ((text[i] == u'\'' || text[i] == u'-' || text[i] == u'\u2019') &&
                           i + 1 < size && text[i + 1].isLetter() && text[i - 1].isLetter()) {
                    i += 2;
                } else {
                    break;
                }
            }
            m_words.append({start, i, inCode});
        }
    }

    // Words are separated by anything in the original text, so a phrase is matched by rebuilding
    // it with single spaces. Only words that start some phrase pay for that.
    void matchWords(const QString &text, bool signaturesOnly) {
        const KeywordIndex &index = m_index;
        QString phrase;
        for (qsizetype w = 0; w < m_words.size(); ++w) {
            const Word &word = m_words[w];
            const QStringView view = QStringView(text).mid(word.start, word.end - word.start);
            const bool codeOnly = word.inCode || signaturesOnly;
            m_currentWord = w;

            // A subject named by a phrase ("raft log") is not counted again for its first word.
            bool phraseSubject = false;
            if (index.startsPhrase(view)) {
                phrase = view.toString();
                for (int extra = 1; extra < index.maxPhraseWords() && w + extra < m_words.size();
                     ++extra) {
                    const Word &next = m_words[w + extra];
                    phrase += QLatin1Char(' ');
                    phrase += QStringView(text).mid(next.start, next.end - next.start);
                    const auto *phraseRules = index.find(phrase);
                    phraseSubject = phraseSubject || namesSubject(phraseRules);
                    record(phraseRules, phrase, codeOnly);
                }
            }

            const auto *rules = findWord(view);
            m_skipSubjects = phraseSubject;
            record(rules, view, codeOnly);
            m_skipSubjects = false;
            if (!rules && !codeOnly && namesErrorType(view))
                record(&kErrorTypeRule, view, codeOnly);
            else if (!rules && !codeOnly)
                matchWordParts(view, codeOnly);
        }
        m_currentWord = -1;
    }

    static bool namesSubject(const QList<const KeywordRule *> *rules) {
        return rules && std::any_of(rules->cbegin(), rules->cend(), isSubject);
    }

    QStringView wordText(const Word &word) const {
        return m_lower.mid(word.start, word.end - word.start);
    }

    // Returns true when the word being matched directly follows a negation, with nothing but
    // spaces between them ("don't just list", but not "not sure, just list" or "why not just
    // list"). Only the check of a routine subject calls it, so other words cost nothing.
    bool followsNegation() const {
        if (m_substringStart >= 0)
            return followsCjkNegation(m_substringStart);
        const qsizetype w = m_currentWord;
        if (w < 1)
            return false;
        const Word &previous = m_words[w - 1];
        const QStringView gap = m_lower.mid(previous.end, m_words[w].start - previous.end);
        if (!gap.trimmed().isEmpty() || !isNegation(wordText(previous)))
            return false;
        return w < 2 || wordText(m_words[w - 2]) != u"why";
    }

    // Chinese writes the negation right before the verb, without a space ("不要只列出" is "don't
    // just list"). Two look-alikes are not negations: "为什么不只列出" ("why not just list")
    // suggests the routine work, and "有没有拼写错误" ("are there typos") is a question formed by
    // the verb on both sides of the negation.
    bool followsCjkNegation(qsizetype start) const {
        const QStringView before = m_lower.first(start).trimmed();
        if (before.endsWith(u"为什么不") || before.endsWith(u"何不"))
            return false;
        static const QStringView negations[] = {u"不要", u"不用", u"不必", u"不需要", u"没有",
                                                u"不是", u"不能", u"不应", u"并非",   u"而非",
                                                u"无需", u"不",   u"别",   u"勿"};
        for (const QStringView negation : negations) {
            if (!before.endsWith(negation))
                continue;
            const qsizetype negationStart = before.size() - negation.size();
            const bool repeatedVerb = negation.size() > 1 && negationStart > 0 &&
                                      before[negationStart - 1] == negation[1];
            return !repeatedVerb;
        }
        return false;
    }

    // Returns true for a word that negates what follows ("don't just list the options").
    static bool isNegation(QStringView word) {
        static const QLatin1String negations[] = {
            QLatin1String("not"),     QLatin1String("don't"), QLatin1String("dont"),
            QLatin1String("never"),   QLatin1String("nicht"), QLatin1String("shouldn't"),
            QLatin1String("doesn't"), QLatin1String("isn't"), QLatin1String("won't"),
            QLatin1String("can't"),   QLatin1String("than")};
        // A typographic apostrophe counts as the plain one.
        const QString plain = word.toString().replace(u'\u2019', u'\'');
        return std::find(std::begin(negations), std::end(negations), plain) != std::end(negations);
    }

    // Returns true when the original text spells the word as the rule requires ("WAL", not "Wal"
    // or "Wales"). The lower-case copy has the original's offsets, see scan().
    bool spelledAsRequired(const KeywordRule *rule, QStringView text) const {
        if (rule->spelling.isEmpty())
            return true;
        const qsizetype offset = text.data() - m_lower.data();
        if (offset < 0 || offset + text.size() > m_lower.size())
            return false;
        QString written = m_original.mid(offset, text.size()).toString();
        written.replace(u'\u2019', u'\'');
        if (written.endsWith(QLatin1String("'s")))
            written.chop(2);
        else if (written.size() == rule->spelling.size() + 1 && written.endsWith(u's'))
            written.chop(1);
        // "RAFT" in a title in capitals is still the name.
        return written == rule->spelling || written == rule->spelling.toString().toUpper();
    }

    // Looks a word up as written, then without a plain English inflection ("crashes", "failed",
    // "summarizing").
    const QList<const KeywordRule *> *findWord(QStringView word) const {
        if (const auto *rules = m_index.find(word))
            return rules;
        // "the WAL's size", "Raft's guarantee": spelledAsRequired() checks the spelling.
        if (word.endsWith(QLatin1String("'s")) || word.endsWith(u"\u2019s"))
            return m_index.find(word.chopped(2));
        // "WALs", "ABIs": only entries with a required spelling, so "bits" is not "bit".
        if (word.size() == 4 && word.endsWith(u's')) {
            const auto *rules = m_index.find(word.chopped(1));
            return rules && std::all_of(rules->cbegin(), rules->cend(),
                                        [](const KeywordRule *r) { return !r->spelling.isEmpty(); })
                       ? rules
                       : nullptr;
        }
        if (word.size() < 5)
            return nullptr;
        static const QLatin1String suffixes[] = {QLatin1String("ing"), QLatin1String("ed"),
                                                 QLatin1String("es"), QLatin1String("s")};
        for (const QLatin1String &suffix : suffixes) {
            if (!word.endsWith(suffix))
                continue;
            const QStringView stem = word.chopped(suffix.size());
            if (const auto *rules = m_index.find(stem))
                return rules;
            const QString withE = stem.toString() + QLatin1Char('e');
            if (const auto *rules = m_index.find(withE))
                return rules;
        }
        return nullptr;
    }

    // Looks up the parts of a word that findWord() did not match: the hyphenated parts and
    // their leading pairs ("exactly-once-verhalten"), else the tail of a compound
    // ("datenkonsistenz"). Requests to build are left out, because their verbs end other words
    // ("beschreibe" is not "schreibe"). Subjects are left out of a compound's tail, because short
    // English terms end German words ("Aussagekraft" does not name Raft).
    void matchWordParts(QStringView word, bool codeOnly) {
        if (word.contains(u'-')) {
            const QList<QStringView> parts = word.split(u'-');
            // Pairs first: a subject that a pair names ("raft-leader") is not counted again
            // for its parts.
            std::vector<bool> namedByPair(size_t(parts.size()), false);
            QString spacedPair;
            for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
                const QStringView pair = word.mid(parts[i].data() - word.data(),
                                                  parts[i].size() + 1 + parts[i + 1].size());
                const auto *pairRules = m_index.find(pair);
                if (!pairRules) {
                    // "Raft-Leader-Wechsel" names the phrase "raft leader".
                    spacedPair = pair.toString();
                    spacedPair.replace(u'-', u' ');
                    pairRules = m_index.find(spacedPair);
                }
                if (namesSubject(pairRules))
                    namedByPair[size_t(i)] = namedByPair[size_t(i) + 1] = true;
                recordPart(pairRules, pair, codeOnly, false);
            }
            for (qsizetype i = 0; i < parts.size(); ++i) {
                m_skipSubjects = namedByPair[size_t(i)];
                recordPart(findWord(parts[i]), parts[i], codeOnly, false);
            }
            m_skipSubjects = false;
            return;
        }
        if (word.size() < kMinCompoundWordChars)
            return;
        for (qsizetype head = kMinCompoundPartChars; word.size() - head >= kMinCompoundPartChars;
             ++head) {
            const QStringView tail = word.mid(head);
            if (const auto *rules = m_index.find(tail)) {
                recordPart(rules, tail, codeOnly, true);
                return;
            }
        }
    }

    void recordPart(const QList<const KeywordRule *> *rules, QStringView text, bool codeOnly,
                    bool compoundTail) {
        if (!rules)
            return;
        for (const KeywordRule *rule : *rules) {
            if (rule->kind != KeywordKind::Build && !(compoundTail && isSubject(rule)))
                record(rule, text, codeOnly);
        }
    }

    static bool namesErrorType(QStringView word) {
        return (word.size() > 8 && word.endsWith(QLatin1String("error"))) ||
               (word.size() > 12 && word.endsWith(QLatin1String("exception")));
    }

    // Walks the text once and compares only the rules that start with the character at hand.
    void matchSubstrings(const QString &text, bool signaturesOnly) {
        const QStringView view(text);
        for (qsizetype i = 0; i < view.size(); ++i) {
            const auto *rules = m_index.substringRulesStartingWith(view[i]);
            if (!rules)
                continue;
            m_substringStart = i;
            for (const KeywordRule *rule : *rules) {
                if (view.mid(i).startsWith(rule->text))
                    record(rule, rule->text, signaturesOnly);
            }
        }
        m_substringStart = -1;
    }

    void record(const QList<const KeywordRule *> *rules, QStringView text, bool codeOnly) {
        if (!rules)
            return;
        for (const KeywordRule *rule : *rules)
            record(rule, text, codeOnly);
    }

    void record(const KeywordRule *rule, QStringView text, bool codeOnly) {
        if (m_skipSubjects && isSubject(rule))
            return;
        if (!spelledAsRequired(rule, text))
            return;
        if (rule->kind == KeywordKind::EasySubject && followsNegation())
            return;
        if (codeOnly && rule->kind != KeywordKind::Signature)
            return;
        if (rule->kind == KeywordKind::Category && rule->category == TaskCategory::Summarize)
            m_textTask = true;
        if (m_seen.contains(rule))
            return;
        m_seen.insert(rule);
        switch (rule->kind) {
        case KeywordKind::Category:
        case KeywordKind::Signature:
        case KeywordKind::Cause:
            m_features.keywords.append({text.toString(), rule->category, rule->weight * m_weight});
            if (rule->kind == KeywordKind::Signature)
                m_features.hasErrorTrace = true;
            if (rule->kind == KeywordKind::Cause)
                m_features.causeQuestion = true;
            break;
        case KeywordKind::Scope:
            m_features.broadScope = true;
            break;
        case KeywordKind::Hard:
            m_features.hardMarkers += rule->weight;
            break;
        case KeywordKind::Easy:
            m_features.easyMarkers += rule->weight;
            break;
        case KeywordKind::HardSubject:
            m_features.hardSubjects += rule->weight;
            break;
        case KeywordKind::EasySubject:
            m_features.easySubjects += rule->weight;
            break;
        case KeywordKind::Build:
            m_features.buildRequest = true;
            break;
        }
    }

    TaskFeatures &m_features;
    const KeywordIndex &m_index;
    QList<Word> m_words;
    int m_cjkChars = 0;
    double m_weight = 1.0;
    bool m_textTask = false;
    QSet<const KeywordRule *> m_seen; // each rule counts once per request
    QStringView m_original;           // the window being scanned, as written
    QStringView m_lower;              // its lower-case copy, which the words point into
    qsizetype m_currentWord = -1;     // the index of the word being matched, -1 outside words
    qsizetype m_substringStart = -1;  // where the CJK keyword being matched starts, else -1
    bool m_skipSubjects = false;      // a phrase that starts here already named its subject
};

// Counts the words of a text, each CJK or kana character as half a word.
int countWords(QStringView text) {
    int words = 0;
    int cjk = 0;
    bool inWord = false;
    for (QChar c : text) {
        if (isCjkOrKana(c.unicode())) {
            ++cjk;
            inWord = false;
        } else if (isWordChar(c)) {
            words += inWord ? 0 : 1;
            inWord = true;
        } else {
            inWord = false;
        }
    }
    return words + cjk / 2;
}

// Splits a long message into its head and tail windows. The tail starts inside a code block
// when an odd number of fences comes before it.
QList<ScanWindow> userWindows(QStringView text) {
    if (text.size() <= kUserHeadChars + kUserTailChars)
        return {{text, false, false, 1.0}};
    const qsizetype tailStart = text.size() - kUserTailChars;
    const bool tailInCode = insideFence(text, tailStart);
    return {{text.left(kUserHeadChars), false, false, 1.0},
            {text.mid(tailStart), tailInCode, false, 1.0}};
}

// Returns the instruction that opens a message, up to its first colon or line break, or an
// empty view when there is none early in the message.
QStringView leadIn(QStringView text) {
    const QStringView head = text.left(kMaxLeadInChars);
    qsizetype end = -1;
    for (QChar stop : {QChar(u':'), QChar(u'\uFF1A'), QChar(u'\n')}) {
        const qsizetype at = head.indexOf(stop);
        if (at > 0 && (end < 0 || at < end))
            end = at;
    }
    // A colon that closes the whole message is a question ("What do I do:"), not a lead-in.
    if (end < 0 || text.mid(end + 1).trimmed().isEmpty())
        return {};
    return text.left(end);
}

} // namespace

TaskFeatures analyzeTask(const QJsonObject &body) {
    TaskFeatures features;
    FencedCode code;
    const QJsonArray messages = body.value(QLatin1String("messages")).toArray();

    QString systemText;
    QString lastUserText;
    QString previousUserText;
    QString lastToolText;
    for (const QJsonValue &value : messages) {
        const QJsonObject message = value.toObject();
        const QString role = message.value(QLatin1String("role")).toString();
        QString text = messageText(message);
        scanFences(text, code);
        if (systemText.isEmpty() &&
            (role == QLatin1String("system") || role == QLatin1String("developer")))
            systemText = std::move(text);
        else if (role == QLatin1String("user")) {
            previousUserText = std::exchange(lastUserText, std::move(text));
            ++features.userMessages;
        } else if (role == QLatin1String("tool"))
            lastToolText = std::move(text);
    }
    if (!messages.isEmpty()) {
        features.lastMessageIsToolResult =
            messages.last().toObject().value(QLatin1String("role")).toString() ==
            QLatin1String("tool");
    }

    features.codeBlocks = code.blocks;
    features.codeLines = code.lines;
    features.languages = code.languages;
    features.codeDefinitions = code.definitions;
    features.codeFiles = code.files;
    features.concurrencyInCode = code.concurrencyMarkers;
    features.codeLikeLines = countCodeLikeLines(lastUserText, kUserHeadChars, kUserTailChars);
    if (features.codeBlocks == 0 && features.codeLikeLines >= 3) {
        const QString language = guessLanguage(lastUserText);
        if (!language.isEmpty())
            features.languages.append(language);
    }

    KeywordScanner scanner(features);
    const auto scan = [&](const ScanWindow &window) {
        scanner.scan(window);
        features.scannedChars += window.text.size();
    };
    scan({QStringView(systemText).left(kSystemHeadChars), false, false, 1.0});
    const QStringView instruction = leadIn(lastUserText);
    if (!instruction.isEmpty()) {
        scan({instruction, false, false, 1.0});
        features.materialSkipped = scanner.lastWindowHadTextTask();
    }
    const QList<ScanWindow> windows = userWindows(lastUserText);
    for (const ScanWindow &window : windows) {
        features.lastUserWords += countWords(window.text);
        if (!features.materialSkipped)
            scan(window);
    }
    // After "Summarize this:" only the lead-in is the request; the rest is its material.
    const RequestShape shape = readRequestShape(
        features.materialSkipped ? instruction.toString()
                                 : instructionProse(lastUserText, kInstructionChars));
    features.asks = shape.asks;
    features.choiceQuestion = shape.choiceQuestion;
    if (!previousUserText.isEmpty())
        scan({QStringView(previousUserText).left(kPreviousUserHeadChars), false, false,
              kPreviousUserWeight});
    if (features.lastMessageIsToolResult)
        scan({QStringView(lastToolText).left(kToolHeadChars), true, true, 1.0});
    return features;
}

} // namespace signalbox
