// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "providers/jsonscan.h"

#include <algorithm>

namespace signalbox::jsonscan {

namespace {

// Number texts longer than this, or exponents with more digits, are left to QJsonDocument, so
// the scan never decides how a number that overflows a double is read.
constexpr qsizetype kMaxNumberChars = 64;
constexpr qsizetype kMaxExponentDigits = 2;

bool isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

int hexValue(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// A recursive-descent validator over the bytes. Each parse function starts at the first byte
// of its value and leaves m_pos after the value's last byte. A false return means "not sure".
class Scanner {
public:
    explicit Scanner(QByteArrayView json)
        : m_data(json.data())
        , m_size(json.size()) {}

    qsizetype position() const { return m_pos; }

    void skipWhitespace() {
        while (m_pos < m_size && isWhitespace(m_data[m_pos]))
            ++m_pos;
    }

    bool atEnd() const { return m_pos >= m_size; }
    char peek() const { return m_pos < m_size ? m_data[m_pos] : '\0'; }
    bool consume(char c) {
        if (peek() != c)
            return false;
        ++m_pos;
        return true;
    }

    bool value(int depth) {
        switch (peek()) {
        case '{':
            return object(depth + 1);
        case '[':
            return array(depth + 1);
        case '"':
            return string(nullptr);
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            return number();
        }
    }

    // Reads a string. hasEscape, when given, is set when the string contains a backslash.
    bool string(bool *hasEscape) {
        if (!consume('"'))
            return false;
        while (m_pos < m_size) {
            const char c = m_data[m_pos];
            if (c == '"') {
                ++m_pos;
                return true;
            }
            if (static_cast<unsigned char>(c) < 0x20)
                return false;
            if (c == '\\') {
                if (hasEscape)
                    *hasEscape = true;
                if (!escape())
                    return false;
                continue;
            }
            ++m_pos;
        }
        return false;
    }

    bool object(int depth) {
        if (depth > kMaxDepth || !consume('{'))
            return false;
        skipWhitespace();
        if (consume('}'))
            return true;
        for (;;) {
            if (!string(nullptr))
                return false;
            skipWhitespace();
            if (!consume(':'))
                return false;
            skipWhitespace();
            if (!value(depth))
                return false;
            skipWhitespace();
            if (consume('}'))
                return true;
            if (!consume(','))
                return false;
            skipWhitespace();
        }
    }

private:
    bool array(int depth) {
        if (depth > kMaxDepth || !consume('['))
            return false;
        skipWhitespace();
        if (consume(']'))
            return true;
        for (;;) {
            if (!value(depth))
                return false;
            skipWhitespace();
            if (consume(']'))
                return true;
            if (!consume(','))
                return false;
            skipWhitespace();
        }
    }

    bool literal(const char *text) {
        const QByteArrayView expected(text);
        if (m_size - m_pos < expected.size() ||
            QByteArrayView(m_data + m_pos, expected.size()) != expected)
            return false;
        m_pos += expected.size();
        return true;
    }

    bool digits() {
        const qsizetype start = m_pos;
        while (m_pos < m_size && isDigit(m_data[m_pos]))
            ++m_pos;
        return m_pos > start;
    }

    bool number() {
        const qsizetype start = m_pos;
        consume('-');
        if (consume('0')) {
            if (isDigit(peek()))
                return false; // a leading zero
        } else if (!digits()) {
            return false;
        }
        if (consume('.') && !digits())
            return false;
        if (peek() == 'e' || peek() == 'E') {
            ++m_pos;
            if (!consume('+'))
                consume('-');
            const qsizetype exponentStart = m_pos;
            if (!digits() || m_pos - exponentStart > kMaxExponentDigits)
                return false;
        }
        return m_pos - start <= kMaxNumberChars;
    }

    // Reads a \uXXXX escape's value, or returns -1.
    int unicodeEscape() {
        if (m_size - m_pos < 6 || m_data[m_pos] != '\\' || m_data[m_pos + 1] != 'u')
            return -1;
        int code = 0;
        for (int i = 2; i < 6; ++i) {
            const int digit = hexValue(m_data[m_pos + i]);
            if (digit < 0)
                return -1;
            code = code * 16 + digit;
        }
        m_pos += 6;
        return code;
    }

    // Reads one escape sequence starting at the backslash. A high surrogate must be followed
    // by a low one, because what QJsonDocument makes of a lone surrogate is not checked here.
    bool escape() {
        if (m_pos + 1 >= m_size)
            return false;
        switch (m_data[m_pos + 1]) {
        case '"':
        case '\\':
        case '/':
        case 'b':
        case 'f':
        case 'n':
        case 'r':
        case 't':
            m_pos += 2;
            return true;
        case 'u':
            break;
        default:
            return false;
        }
        const int code = unicodeEscape();
        if (code < 0xD800 || code > 0xDFFF)
            return code >= 0;
        if (code > 0xDBFF)
            return false; // a low surrogate first
        const int low = unicodeEscape();
        return low >= 0xDC00 && low <= 0xDFFF;
    }

    const char *m_data;
    qsizetype m_size;
    qsizetype m_pos = 0;
};

} // namespace

std::optional<ObjectScan> scanObject(QByteArrayView json,
                                     std::initializer_list<QByteArrayView> keys) {
    if (!json.isValidUtf8())
        return std::nullopt;

    ObjectScan scan;
    scan.values.resize(qsizetype(keys.size()));
    Scanner scanner(json);
    scanner.skipWhitespace();
    if (!scanner.consume('{'))
        return std::nullopt;
    scanner.skipWhitespace();

    bool closed = scanner.peek() == '}';
    while (!closed) {
        const qsizetype keyStart = scanner.position() + 1;
        bool keyHasEscape = false;
        if (!scanner.string(&keyHasEscape) || keyHasEscape)
            return std::nullopt;
        const QByteArrayView key = json.sliced(keyStart, scanner.position() - 1 - keyStart);
        scanner.skipWhitespace();
        if (!scanner.consume(':'))
            return std::nullopt;
        scanner.skipWhitespace();

        const qsizetype valueStart = scanner.position();
        if (!scanner.value(1))
            return std::nullopt;
        qsizetype index = 0;
        for (const QByteArrayView wanted : keys) {
            if (key == wanted) {
                if (scan.values[index].found())
                    return std::nullopt; // which duplicate wins is QJsonDocument's to decide
                scan.values[index] = {valueStart, scanner.position() - valueStart};
            }
            ++index;
        }

        scanner.skipWhitespace();
        closed = scanner.peek() == '}';
        if (!closed && !scanner.consume(','))
            return std::nullopt;
        if (!closed)
            scanner.skipWhitespace();
    }

    scan.closingBrace = scanner.position();
    scanner.consume('}');
    scanner.skipWhitespace();
    if (!scanner.atEnd())
        return std::nullopt;
    return scan;
}

std::optional<qsizetype> findRawControlCharacter(QByteArrayView json) {
    // Most bodies contain no byte below 0x20 at all, so a plain pass settles them.
    const auto isControl = [](char c) {
        return static_cast<unsigned char>(c) < 0x20;
    };
    if (std::none_of(json.begin(), json.end(), isControl))
        return std::nullopt;

    bool inString = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (!inString) {
            inString = c == '"';
            continue;
        }
        if (c == '\\')
            ++i; // the escaped character, which is never a quote that ends the string
        else if (c == '"')
            inString = false;
        else if (isControl(c))
            return i;
    }
    return std::nullopt;
}

} // namespace signalbox::jsonscan
