// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "routing/taskprofile.h"

#include <QHash>
#include <QList>
#include <QStringView>

namespace signalbox {

enum class KeywordKind {
    Category,  // votes for a category; counted outside code blocks only
    Signature, // an error signature such as "traceback"; counted inside code blocks too
    Hard,      // raises the difficulty
    Easy,      // lowers the difficulty
    Build,     // a request to build something new ("write", "create"): raises the difficulty
};

// One entry of the keyword table. Latin-script entries are lower case, whole words separated by
// single spaces; CJK and kana entries are matched as substrings.
struct KeywordRule {
    QStringView text;
    KeywordKind kind;
    TaskCategory category; // the category a Category or Signature rule votes for
    double weight;
};

// The keyword table, indexed for lookup by word and phrase. Built once, then read-only, so it is
// safe to share between threads.
class KeywordIndex {
public:
    static const KeywordIndex &instance();

    // Returns the rules for a lower-case word or space-separated phrase, or nullptr.
    const QList<const KeywordRule *> *find(QStringView phrase) const;

    // Returns true when some phrase of two or more words starts with this word.
    bool startsPhrase(QStringView word) const { return m_phraseStarts.contains(word); }

    int maxPhraseWords() const { return m_maxPhraseWords; }

    // Rules written in CJK or kana, which have no spaces between words.
    const QList<const KeywordRule *> &substringRules() const { return m_substringRules; }

private:
    KeywordIndex();

    QHash<QStringView, QList<const KeywordRule *>> m_byText;
    QHash<QStringView, bool> m_phraseStarts;
    QList<const KeywordRule *> m_substringRules;
    int m_maxPhraseWords = 1;
};

} // namespace signalbox
