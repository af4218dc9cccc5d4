// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "consoleicons.h"

#include <QApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>

#include <functional>

namespace signalbox::ConsoleIcons {

namespace {

using PaintFunction = std::function<void(QPainter &, const QRectF &, QIcon::Mode)>;

// Paints the icon on demand at the requested size, so every pixel ratio gets a crisp image.
class PaintedIconEngine : public QIconEngine {
public:
    explicit PaintedIconEngine(PaintFunction paint)
        : m_paint(std::move(paint)) {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override {
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        m_paint(*painter, QRectF(rect), mode);
        painter->restore();
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                         qreal scale) override {
        QPixmap pixmap(size * scale);
        pixmap.setDevicePixelRatio(scale);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        paint(&painter, QRect(QPoint(0, 0), size), mode, state);
        return pixmap;
    }

    QIconEngine *clone() const override { return new PaintedIconEngine(m_paint); }

private:
    PaintFunction m_paint;
};

QIcon painted(PaintFunction paint) {
    return QIcon(new PaintedIconEngine(std::move(paint)));
}

QColor glyphColor(QIcon::Mode mode) {
    const QPalette palette = QApplication::palette();
    return mode == QIcon::Disabled ? palette.color(QPalette::Disabled, QPalette::WindowText)
                                   : palette.color(QPalette::Active, QPalette::WindowText);
}

void paintLamp(QPainter &painter, const QRectF &rect, const QColor &color) {
    const qreal side = qMin(rect.width(), rect.height());
    const QRectF circle(rect.center().x() - side * 0.42, rect.center().y() - side * 0.42,
                        side * 0.84, side * 0.84);
    QRadialGradient gradient(circle.center() - QPointF(side * 0.15, side * 0.15), side * 0.6);
    gradient.setColorAt(0, color.lighter(150));
    gradient.setColorAt(1, color);
    painter.setPen(QPen(color.darker(140), qMax(1.0, side / 16)));
    painter.setBrush(gradient);
    painter.drawEllipse(circle);
}

void paintBars(QPainter &painter, const QRectF &rect, const QColor &color) {
    const qreal unit = qMin(rect.width(), rect.height()) / 8;
    const QPointF origin = rect.center() - QPointF(4 * unit, 4 * unit);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    const qreal heights[] = {3, 6, 4.5};
    for (int i = 0; i < 3; ++i) {
        const qreal height = heights[i] * unit;
        painter.drawRect(QRectF(origin.x() + (0.8 + i * 2.4) * unit,
                                origin.y() + 7.2 * unit - height, 1.8 * unit, height));
    }
    painter.drawRect(
        QRectF(origin.x() + 0.4 * unit, origin.y() + 7.2 * unit, 7.2 * unit, 0.6 * unit));
}

void paintList(QPainter &painter, const QRectF &rect, const QColor &color) {
    const qreal unit = qMin(rect.width(), rect.height()) / 8;
    const QPointF origin = rect.center() - QPointF(4 * unit, 4 * unit);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    for (int i = 0; i < 4; ++i) {
        const qreal y = origin.y() + (1.1 + i * 1.7) * unit;
        painter.drawEllipse(QRectF(origin.x() + 0.5 * unit, y, 1.0 * unit, 1.0 * unit));
        painter.drawRect(QRectF(origin.x() + 2.2 * unit, y + 0.15 * unit, 5.3 * unit, 0.7 * unit));
    }
}

void paintPlay(QPainter &painter, const QRectF &rect, const QColor &color) {
    const qreal unit = qMin(rect.width(), rect.height()) / 8;
    const QPointF c = rect.center();
    QPainterPath bubble;
    bubble.addRoundedRect(QRectF(c.x() - 3.6 * unit, c.y() - 3.2 * unit, 7.2 * unit, 5.6 * unit),
                          unit, unit);
    bubble.moveTo(c.x() - 2 * unit, c.y() + 2.3 * unit);
    bubble.lineTo(c.x() - 2.6 * unit, c.y() + 3.8 * unit);
    bubble.lineTo(c.x() - 0.6 * unit, c.y() + 2.3 * unit);
    painter.setPen(QPen(color, 0.6 * unit));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(bubble);
    QPolygonF triangle;
    triangle << QPointF(c.x() - 0.9 * unit, c.y() - 1.9 * unit)
             << QPointF(c.x() + 1.6 * unit, c.y() - 0.4 * unit)
             << QPointF(c.x() - 0.9 * unit, c.y() + 1.1 * unit);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawPolygon(triangle);
}

void paintPauseBars(QPainter &painter, const QRectF &rect, const QColor &color) {
    const qreal unit = qMin(rect.width(), rect.height()) / 8;
    const QPointF c = rect.center();
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawRect(QRectF(c.x() - 1.9 * unit, c.y() - 2.2 * unit, 1.3 * unit, 4.4 * unit));
    painter.drawRect(QRectF(c.x() + 0.6 * unit, c.y() - 2.2 * unit, 1.3 * unit, 4.4 * unit));
}

} // namespace

QColor stateColor(GateState state) {
    switch (state) {
    case GateState::Ok:
        return QColor(0x2e, 0x9d, 0x4f);
    case GateState::Warning:
        return QColor(0xe0, 0x9b, 0x00);
    case GateState::Tripped:
        return QColor(0xd1, 0x35, 0x2b);
    }
    return pausedColor();
}

QColor pausedColor() {
    return QColor(0x8a, 0x8f, 0x98);
}

QIcon lamp(GateState state) {
    const QColor color = stateColor(state);
    return painted([color](QPainter &painter, const QRectF &rect, QIcon::Mode) {
        paintLamp(painter, rect, color);
    });
}

QIcon status(GateState state, bool paused) {
    if (!paused)
        return lamp(state);
    return painted([](QPainter &painter, const QRectF &rect, QIcon::Mode) {
        paintLamp(painter, rect, pausedColor());
        paintPauseBars(painter, rect, Qt::white);
    });
}

QIcon glyph(Glyph glyph) {
    return painted([glyph](QPainter &painter, const QRectF &rect, QIcon::Mode mode) {
        const QColor color = glyphColor(mode);
        switch (glyph) {
        case Glyph::Dashboard:
            paintBars(painter, rect, color);
            break;
        case Glyph::Requests:
            paintList(painter, rect, color);
            break;
        case Glyph::Playground:
            paintPlay(painter, rect, color);
            break;
        case Glyph::Pause:
            paintPauseBars(painter, rect, color);
            break;
        }
    });
}

} // namespace signalbox::ConsoleIcons
