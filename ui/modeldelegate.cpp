// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "modeldelegate.h"

#include "checklisteditor.h"
#include "config/config.h"
#include "modeltablemodel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSlider>
#include <QSpinBox>

namespace signalbox {

namespace {

// The largest price the editor accepts, in USD per million tokens; well above any real price.
constexpr double kMaxPrice = 100000;
// The largest token count the editors accept: the spin box is an int.
constexpr int kMaxTokens = 2000000000;
// The property in which a decimal editor keeps the value it showed when it opened.
const char *const kShownValue = "signalboxShownValue";
// The range of reasoning_output_factor that validateConfig() accepts.
constexpr double kMaxReasoningFactor = 100;

// A slider with a spin box beside it, for the 0-100 quality.
class QualityEditor : public QWidget {
public:
    explicit QualityEditor(QWidget *parent)
        : QWidget(parent)
        , m_slider(new QSlider(Qt::Horizontal, this))
        , m_spin(new QSpinBox(this)) {
        setAutoFillBackground(true);
        auto *layout = new QHBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(m_slider, 1);
        layout->addWidget(m_spin);
        m_slider->setRange(0, 100);
        m_spin->setRange(0, 100);
        m_slider->setAccessibleName(tr("Quality"));
        m_spin->setAccessibleName(tr("Quality"));
        connect(m_slider, &QSlider::valueChanged, m_spin, &QSpinBox::setValue);
        connect(m_spin, &QSpinBox::valueChanged, m_slider, &QSlider::setValue);
        setFocusProxy(m_spin);
    }

    int value() const { return m_spin->value(); }
    void setValue(int value) { m_spin->setValue(value); }

private:
    QSlider *m_slider;
    QSpinBox *m_spin;
};

bool isPrice(int column) {
    return column >= ModelTableModel::InputPriceColumn &&
           column <= ModelTableModel::CacheWritePriceColumn;
}

bool isTokenCount(int column) {
    return column == ModelTableModel::ContextWindowColumn ||
           column == ModelTableModel::MaxOutputColumn;
}

} // namespace

QWidget *ModelItemDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                         const QModelIndex &index) const {
    const int column = index.column();
    if (column == ModelTableModel::ProviderColumn) {
        auto *combo = new QComboBox(parent);
        combo->addItems(m_providers);
        combo->setAccessibleName(tr("Provider"));
        return combo;
    }
    if (isPrice(column)) {
        auto *spin = new QDoubleSpinBox(parent);
        spin->setRange(0, kMaxPrice);
        spin->setDecimals(4);
        spin->setSingleStep(0.05);
        spin->setPrefix(QStringLiteral("$"));
        spin->setAccessibleName(tr("Price in USD per million tokens"));
        return spin;
    }
    if (isTokenCount(column)) {
        auto *spin = new QSpinBox(parent);
        spin->setRange(column == ModelTableModel::MaxOutputColumn ? 0 : 1, kMaxTokens);
        spin->setSingleStep(1024);
        spin->setGroupSeparatorShown(true);
        if (column == ModelTableModel::MaxOutputColumn)
            spin->setSpecialValueText(tr("unknown"));
        spin->setAccessibleName(tr("Tokens"));
        return spin;
    }
    if (column == ModelTableModel::ReasoningFactorColumn) {
        auto *spin = new QDoubleSpinBox(parent);
        spin->setRange(0, kMaxReasoningFactor);
        spin->setDecimals(2);
        spin->setSingleStep(0.5);
        spin->setAccessibleName(tr("Reasoning tokens per output token"));
        spin->setToolTip(tr("Hidden reasoning tokens per visible output token, 0 to 100"));
        return spin;
    }
    if (column == ModelTableModel::QualityColumn)
        return new QualityEditor(parent);
    if (column == ModelTableModel::CapabilitiesColumn)
        return new CheckListEditor(modelCapabilities(), false, parent);
    if (column == ModelTableModel::StrengthsColumn)
        return new CheckListEditor(strengthChoices(index), true, parent);
    return QStyledItemDelegate::createEditor(parent, option, index);
}

QStringList ModelItemDelegate::strengthChoices(const QModelIndex &index) const {
    QStringList choices = m_strengths;
    const auto *table = qobject_cast<const ModelTableModel *>(index.model());
    if (table) {
        for (const ModelConfig &model : table->models())
            choices << model.strengths;
    }
    choices.removeAll(QString());
    choices.removeDuplicates();
    choices.sort();
    return choices;
}

void ModelItemDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const {
    const QVariant value = index.data(Qt::EditRole);
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        if (combo->findText(value.toString()) < 0)
            combo->addItem(value.toString());
        combo->setCurrentText(value.toString());
    } else if (auto *doubleSpin = qobject_cast<QDoubleSpinBox *>(editor)) {
        doubleSpin->setValue(value.toDouble());
        doubleSpin->setProperty(kShownValue, doubleSpin->value());
    } else if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        spin->setValue(int(qMin<qint64>(value.toLongLong(), kMaxTokens)));
    } else if (auto *quality = dynamic_cast<QualityEditor *>(editor)) {
        quality->setValue(value.toInt());
    } else if (auto *checks = qobject_cast<CheckListEditor *>(editor)) {
        checks->setChecked(value.toStringList());
    } else {
        QStyledItemDelegate::setEditorData(editor, index);
    }
}

void ModelItemDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                     const QModelIndex &index) const {
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        model->setData(index, combo->currentText());
    } else if (auto *doubleSpin = qobject_cast<QDoubleSpinBox *>(editor)) {
        doubleSpin->interpretText();
        // The spin box rounds to its decimals, so an editor closed without a change would
        // otherwise write 0.13 over 0.125 and mark the page as edited.
        const QVariant shown = doubleSpin->property(kShownValue);
        if (!shown.isValid() || doubleSpin->value() != shown.toDouble())
            model->setData(index, doubleSpin->value());
    } else if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        spin->interpretText();
        model->setData(index, qint64(spin->value()));
    } else if (auto *quality = dynamic_cast<QualityEditor *>(editor)) {
        model->setData(index, quality->value());
    } else if (auto *checks = qobject_cast<CheckListEditor *>(editor)) {
        model->setData(index, checks->checked());
    } else {
        QStyledItemDelegate::setModelData(editor, model, index);
    }
}

void ModelItemDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                                             const QModelIndex &index) const {
    QRect rect = option.rect;
    if (auto *checks = qobject_cast<CheckListEditor *>(editor)) {
        // The list needs more room than one row: it opens downwards, or upwards when the view
        // ends below the cell.
        rect.setWidth(qMax(rect.width(), 200));
        rect.setHeight(checks->preferredHeight());
        const QWidget *viewport = editor->parentWidget();
        if (viewport && rect.bottom() > viewport->height())
            rect.moveBottom(qMax(option.rect.bottom(), viewport->height() - 1));
        editor->setGeometry(rect);
        return;
    }
    if (index.column() == ModelTableModel::QualityColumn)
        rect.setWidth(qMax(rect.width(), 160));
    editor->setGeometry(rect);
}

} // namespace signalbox
