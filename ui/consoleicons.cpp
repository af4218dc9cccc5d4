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

// Four tiles: the model registry.
void paintTiles(QPainter &painter, const QRectF &rect, const QColor &color) {
    const qreal unit = qMin(rect.width(), rect.height()) / 8;
    const QPointF origin = rect.center() - QPointF(4 * unit, 4 * unit);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    for (int row = 0; row < 2; ++row) {
        for (int column = 0; column < 2; ++column) {
            const QRectF tile(origin.x() + (0.8 + column * 3.4) * unit,
                              origin.y() + (0.8 + row * 3.4) * unit, 3.0 * unit, 3.0 * unit);
            painter.drawRoundedRect(tile, 0.5 * unit, 0.5 * unit);
        }
    }
}

// Three boxes joined by a line: a pipeline of stages.
void paintPipeline(QPainter &painter, const QRectF &rect, const QColor &color) {
    const qreal unit = qMin(rect.width(), rect.height()) / 8;
    const QPointF origin = rect.center() - QPointF(4 * unit, 4 * unit);
    painter.setPen(QPen(color, 0.6 * unit));
    painter.drawLine(QPointF(origin.x() + 2 * unit, origin.y() + 1.6 * unit),
                     QPointF(origin.x() + 6 * unit, origin.y() + 6.4 * unit));
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    const QPointF centers[] = {{1.6, 1.6}, {4.0, 4.0}, {6.4, 6.4}};
    for (const QPointF &center : centers) {
        painter.drawRoundedRect(QRectF(origin.x() + (center.x() - 1.2) * unit,
                                       origin.y() + (center.y() - 1.2) * unit, 2.4 * unit,
                                       2.4 * unit),
                                0.4 * unit, 0.4 * unit);
    }
}

// Two posts and a barrier arm: a gate.
void paintBarrier(QPainter &painter, const QRectF &rect, const QColor &color) {
    const qreal unit = qMin(rect.width(), rect.height()) / 8;
    const QPointF origin = rect.center() - QPointF(4 * unit, 4 * unit);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawRect(
        QRectF(origin.x() + 0.8 * unit, origin.y() + 1.2 * unit, 1.2 * unit, 6.0 * unit));
    painter.drawRect(
        QRectF(origin.x() + 6.0 * unit, origin.y() + 1.2 * unit, 1.2 * unit, 6.0 * unit));
    for (int i = 0; i < 3; ++i) {
        const QRectF stripe(origin.x() + (2.2 + i * 1.3) * unit, origin.y() + 2.6 * unit,
                            0.9 * unit, 1.6 * unit);
        painter.drawRect(stripe);
    }
}

// A key: the provider keys.
void paintKey(QPainter &painter, const QRectF &rect, const QColor &color) {
    const qreal unit = qMin(rect.width(), rect.height()) / 8;
    const QPointF origin = rect.center() - QPointF(4 * unit, 4 * unit);
    painter.setPen(QPen(color, 0.8 * unit));
    painter.setBrush(Qt::NoBrush);
    painter.drawEllipse(
        QRectF(origin.x() + 0.6 * unit, origin.y() + 2.4 * unit, 3.2 * unit, 3.2 * unit));
    painter.drawLine(QPointF(origin.x() + 3.8 * unit, origin.y() + 4.0 * unit),
                     QPointF(origin.x() + 7.4 * unit, origin.y() + 4.0 * unit));
    painter.drawLine(QPointF(origin.x() + 6.6 * unit, origin.y() + 4.0 * unit),
                     QPointF(origin.x() + 6.6 * unit, origin.y() + 5.6 * unit));
    painter.drawLine(QPointF(origin.x() + 5.2 * unit, origin.y() + 4.0 * unit),
                     QPointF(origin.x() + 5.2 * unit, origin.y() + 5.2 * unit));
}

// A cog wheel: the settings.
void paintCog(QPainter &painter, const QRectF &rect, const QColor &color) {
    const qreal unit = qMin(rect.width(), rect.height()) / 8;
    const QPointF c = rect.center();
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    for (int i = 0; i < 8; ++i) {
        painter.save();
        painter.translate(c);
        painter.rotate(i * 45.0);
        painter.drawRect(QRectF(-0.7 * unit, -3.8 * unit, 1.4 * unit, 1.6 * unit));
        painter.restore();
    }
    painter.setPen(QPen(color, 1.2 * unit));
    painter.setBrush(Qt::NoBrush);
    painter.drawEllipse(c, 2.2 * unit, 2.2 * unit);
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
        case Glyph::Models:
            paintTiles(painter, rect, color);
            break;
        case Glyph::Stages:
            paintPipeline(painter, rect, color);
            break;
        case Glyph::Gates:
            paintBarrier(painter, rect, color);
            break;
        case Glyph::Providers:
            paintKey(painter, rect, color);
            break;
        case Glyph::Settings:
            paintCog(painter, rect, color);
            break;
        case Glyph::Pause:
            paintPauseBars(painter, rect, color);
            break;
        }
    });
}

} // namespace signalbox::ConsoleIcons
