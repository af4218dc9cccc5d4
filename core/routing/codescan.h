// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace signalbox {

// Returns the position of the next ``` at or after `from`, or -1.
qsizetype findFence(QStringView text, qsizetype from);

// Returns true when an odd number of fences comes before `end`, so `end` is inside a block.
bool insideFence(QStringView text, qsizetype end);

// Guesses the language of a code snippet from markers that are rare in other languages, such as
// "#include" or "def ". Returns a lower-case name, or an empty string when nothing matches.
QString guessLanguage(QStringView code);

// Fenced code blocks found in a text.
struct FencedCode {
    int blocks = 0;
    int lines = 0;         // lines inside the blocks, a measure of how much code was pasted
    QStringList languages; // canonical, lower case, each once: "python", "cpp", "typescript"
    // Read in the first kStructureChars characters of code only, see scanFences().
    int definitions = 0;        // function, method and type definitions
    int files = 0;              // file headers: "diff --git", "+++ b/", "// path/name.ext"
    int concurrencyMarkers = 0; // distinct thread, lock and atomic names ("mutex", "go func")
    int structureChars = 0;     // characters of code read for the three counts above
};

// Characters of fenced code per request read for definitions, files and concurrency. A few
// pasted files fit, and beyond that the prompt size already shows that the work is large.
constexpr int kStructureChars = 16000;

// Counts the fenced blocks of a text and adds their languages: the fence tag (with aliases such
// as "py" or "tsx" mapped to one name), else a guess from the block's first lines. Also counts
// the definitions, file headers and concurrency markers of the code.
void scanFences(QStringView text, FencedCode &code);

// Counts the unfenced lines that look like code (ending in ';', '{' or '}', or starting with
// "def ", "#include", "return " and the like). A text longer than twice headChars + tailChars
// is read in its first and last headChars + tailChars characters only.
int countCodeLikeLines(QStringView text, qsizetype headChars, qsizetype tailChars);

} // namespace signalbox
