// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "configeditorpage.h"

class QComboBox;
class QGroupBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;
class QTableWidget;

namespace signalbox {

class GateStoreView;
class SecretField;

// The gates editor: daily and monthly budgets, the time zone and hour at which budget periods
// start, warning thresholds, the output reserved for requests without a maximum, rate limits per
// scope and budgets per model. Stage budgets are edited on the stages page. The page also shows
// the gate store in force, which the config file chooses and a restart changes, and with a Redis
// store the field that keeps the Redis password in the keychain.
class GatesPage : public ConfigEditorPage {
    Q_OBJECT

public:
    enum RateColumn { ScopeColumn, RpmColumn, TpmColumn };
    enum ModelBudgetColumn { ModelColumn, BudgetColumn };

    explicit GatesPage(RouterService *service, QWidget *parent = nullptr);

    QDoubleSpinBox *dailyBudget() const { return m_daily; }
    QDoubleSpinBox *monthlyBudget() const { return m_monthly; }
    QComboBox *timeZone() const { return m_timeZone; }
    QSpinBox *resetHour() const { return m_resetHour; }
    QLineEdit *warnings() const { return m_warnAt; }
    QSpinBox *reserveOutput() const { return m_reserve; }
    QTableWidget *rateLimits() const { return m_rates; }
    QTableWidget *modelBudgets() const { return m_modelBudgets; }
    GateStoreView *storeView() const { return m_store; }
    // Shown only while the config's gate store is Redis.
    QGroupBox *redisPasswordGroup() const { return m_passwordGroup; }
    SecretField *redisPassword() const { return m_password; }

    void addRateLimit(const QString &scope, int rpm, int tpm);
    void addModelBudget(const QString &model, double usd);

protected:
    void loadConfig(const Config &config) override;
    void mergeInto(Config &config) const override;
    QList<ConfigProblem> showProblems(const QList<ConfigProblem> &problems) override;
    QList<ConfigProblem> inputProblems() const override;

private:
    QWidget *createBudgetGroup();
    QWidget *createRateGroup();
    QWidget *createModelBudgetGroup();
    QWidget *createPasswordGroup();
    QList<double> warnFractions(bool *ok) const;
    QStringList scopeChoices() const;

    QDoubleSpinBox *m_daily = nullptr;
    QDoubleSpinBox *m_monthly = nullptr;
    QComboBox *m_timeZone = nullptr;
    QSpinBox *m_resetHour = nullptr;
    QLineEdit *m_warnAt = nullptr;
    QSpinBox *m_reserve = nullptr;
    QTableWidget *m_rates = nullptr;
    QTableWidget *m_modelBudgets = nullptr;
    GateStoreView *m_store = nullptr;
    QGroupBox *m_passwordGroup = nullptr;
    SecretField *m_password = nullptr;
    QStringList m_modelIds;
    QStringList m_scopes;
    bool m_loading = false;
};

} // namespace signalbox
