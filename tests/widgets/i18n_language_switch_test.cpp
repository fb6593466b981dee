// Switching the language at run time leaves no text of the other language anywhere in the main
// window: widgets, actions, menus, item-model headers and cells, plots and charts, QML items.
//
// What counts as "the other language":
//  - in English mode, any CJK character;
//  - in Chinese mode, a run of three or more ASCII letters that is not a technical token. Allowed
//    are tokens that are identifiers or code (they contain _ . / ( ) = : + # or a digit:
//    TIME_WAIT, net.ipv4.tcp_tw_reuse, close(), linux-4.9, Ctrl+I), all-capital acronyms and
//    names (FIN, RST, NAT, EADDRNOTAVAIL, LISTEN), CamelCase kernel counter names with an inner
//    capital (TCPTimeWaitOverflow, TWRecycled), and a short list of proper nouns and key names
//    that Chinese technical writing keeps in Latin letters (Linux, Qt, sysctl, Home, ...).
//  - By design, two things show both languages and are removed before the check: each
//    language's own name in the language menu (English / 简体中文), and the glossary's
//    other-language name of a term ("四次挥手 (four-way close)"). Quoted system messages inside
//    Chinese quotation marks (“Address already in use”) are verbatim strerror() texts.
#include <QtQml/qqmlextensionplugin.h>
#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDockWidget>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QQuickItem>
#include <QQuickWidget>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTextDocument>
#include <QTextEdit>

#include <qcustomplot.h>

#include "latin_words.h"
#include "models/glossary.h"
#include "models/language_manager.h"
#include "models/player.h"
#include "widgets/main_window.h"

Q_IMPORT_QML_PLUGIN(CloselabPlugin)

using closelab::models::Glossary;
using closelab::models::LanguageManager;

namespace {

struct Finding {
    QString where;
    QString text;
};

bool hasCjk(const QString& text) {
    for (const QChar c : text) {
        const char32_t u = c.unicode();
        if ((u >= 0x4E00 && u <= 0x9FFF) || (u >= 0x3400 && u <= 0x4DBF) ||
            (u >= 0x3000 && u <= 0x303F) || (u >= 0xFF00 && u <= 0xFFEF))
            return true;
    }
    return false;
}

const QStringList& properNouns() {
    // Names Chinese technical texts write in Latin letters: products, tools, kernel jargon, keys.
    static const QStringList list{
        QStringLiteral("Linux"),   QStringLiteral("Qt"),    QStringLiteral("closelab"),
        QStringLiteral("sysctl"),  QStringLiteral("nstat"), QStringLiteral("netstat"),
        QStringLiteral("tcpdump"), QStringLiteral("slab"),  QStringLiteral("errno"),
        QStringLiteral("Web"),     QStringLiteral("Ctrl"),  QStringLiteral("Shift"),
        QStringLiteral("Home"),    QStringLiteral("End"),   QStringLiteral("Enter"),
        QStringLiteral("Space"),   QStringLiteral("Esc"),   QStringLiteral("Tab"),
        QStringLiteral("commit"),  QStringLiteral("ss"),    QStringLiteral("Excel")};
    return list;
}

// In Chinese mode: the Latin words of `text` that are not technical tokens.
QStringList foreignWords(QString text) {
    // Verbatim quotes of system messages.
    static const QRegularExpression quoted(QStringLiteral("“[^”]*”"));
    text.remove(quoted);
    static const QRegularExpression codeRe(QStringLiteral(R"([_./()=:+#<>@\[\]{}\d])"));
    return closelab::widgets::test::latinWords(text, codeRe, properNouns());
}

class Walker {
public:
    explicit Walker(bool chinese) : m_chinese(chinese) {
        // The bilingual parts, by design.
        for (const QString& code : LanguageManager::supportedLanguages())
            m_exempt << LanguageManager::nativeName(code);
        for (const QString& id : Glossary::ids()) {
            if (const auto e = Glossary::entry(id)) {
                const QString other = Glossary::otherLanguageTerm(*e);
                if (other != e->term)
                    m_exempt << other;
            }
        }
        std::sort(m_exempt.begin(), m_exempt.end(),
                  [](const QString& a, const QString& b) { return a.size() > b.size(); });
    }

    void check(const QString& where, const QString& raw) {
        if (raw.isEmpty())
            return;
        QString text = raw;
        if (Qt::mightBeRichText(text)) {
            QTextDocument doc;
            doc.setHtml(text);
            text = doc.toPlainText();
        }
        ++m_checked;
        for (const QString& exempt : std::as_const(m_exempt))
            text.replace(exempt, QStringLiteral(" "));
        QString finding;
        if (m_chinese) {
            const QStringList words = foreignWords(text);
            if (!words.isEmpty())
                finding =
                    raw.left(160) + QStringLiteral("  [") + words.join(QStringLiteral(", ")) + u']';
        } else if (hasCjk(text)) {
            finding = raw.left(160);
        }
        // One line per distinct text: a tooltip repeated in every column is one problem.
        if (!finding.isEmpty() && !m_seen.contains(finding)) {
            m_seen.insert(finding);
            m_findings << Finding{where, finding};
        }
    }

    void walkModel(const QString& where, const QAbstractItemModel* model,
                   const QModelIndex& parent = {}, int depth = 0) {
        if (!model || depth > 3)
            return;
        if (depth == 0) {
            for (int c = 0; c < model->columnCount(); ++c)
                check(where + QStringLiteral(" header ") + QString::number(c),
                      model->headerData(c, Qt::Horizontal).toString());
        }
        const int rows = std::min(model->rowCount(parent), 60);
        for (int r = 0; r < rows; ++r) {
            for (int c = 0; c < model->columnCount(parent); ++c) {
                const QModelIndex index = model->index(r, c, parent);
                const QString cell = where + QStringLiteral(" [%1,%2]").arg(r).arg(c);
                check(cell, index.data(Qt::DisplayRole).toString());
                check(cell + QStringLiteral(" tooltip"), index.data(Qt::ToolTipRole).toString());
                if (c == 0 && model->hasChildren(index))
                    walkModel(where, model, index, depth + 1);
            }
        }
    }

    void walkPlot(const QString& where, QCustomPlot* plot) {
        for (QCPAxisRect* rect : plot->axisRects()) {
            for (QCPAxis* axis : rect->axes())
                check(where + QStringLiteral(" axis"), axis->label());
        }
        for (int i = 0; i < plot->plottableCount(); ++i)
            check(where + QStringLiteral(" plottable"), plot->plottable(i)->name());
        for (int i = 0; i < plot->itemCount(); ++i) {
            if (auto* text = qobject_cast<QCPItemText*>(plot->item(i)))
                check(where + QStringLiteral(" item"), text->text());
        }
        for (QCPLayoutElement* element : plot->plotLayout()->elements(true)) {
            if (auto* title = qobject_cast<QCPTextElement*>(element))
                check(where + QStringLiteral(" title"), title->text());
        }
    }

    void walkChart(const QString& where, QChart* chart) {
        check(where + QStringLiteral(" title"), chart->title());
        for (QAbstractAxis* axis : chart->axes()) {
            check(where + QStringLiteral(" axis"), axis->titleText());
            if (auto* categories = qobject_cast<QBarCategoryAxis*>(axis)) {
                for (const QString& category : categories->categories())
                    check(where + QStringLiteral(" category"), category);
            }
        }
        for (QAbstractSeries* series : chart->series()) {
            check(where + QStringLiteral(" series"), series->name());
            if (auto* bars = qobject_cast<QBarSeries*>(series)) {
                for (QBarSet* set : bars->barSets())
                    check(where + QStringLiteral(" bar set"), set->label());
            }
        }
    }

    void walkQuick(const QString& where, QQuickItem* item) {
        if (!item)
            return;
        const QVariant text = item->property("text");
        if (text.isValid())
            check(where + u'/' + QString::fromLatin1(item->metaObject()->className()),
                  text.toString());
        for (QQuickItem* child : item->childItems())
            walkQuick(where, child);
    }

    void walkAction(const QString& where, const QAction* action) {
        if (action->isSeparator())
            return;
        check(where + QStringLiteral(" action ") + action->objectName(), action->text());
        check(where + QStringLiteral(" action tooltip ") + action->objectName(), action->toolTip());
        check(where + QStringLiteral(" action status tip ") + action->objectName(),
              action->statusTip());
        if (action->menu())
            check(where + QStringLiteral(" menu"), action->menu()->title());
    }

    void walk(QWidget* root) {
        QList<QWidget*> widgets = root->findChildren<QWidget*>();
        widgets.prepend(root);
        for (QWidget* w : std::as_const(widgets)) {
            const QString where =
                QString::fromLatin1(w->metaObject()->className()) + u' ' +
                (w->objectName().isEmpty() ? QStringLiteral("(unnamed)") : w->objectName());
            check(where + QStringLiteral(" tooltip"), w->toolTip());
            check(where + QStringLiteral(" status tip"), w->statusTip());
            // Qt's own helper buttons (dock float/close, tab scrollers) get accessible names from
            // Qt once, at creation, and never show them; everything closelab creates is checked.
            const bool qtInternal = w->objectName().startsWith(QLatin1String("qt_")) ||
                                    w->objectName().startsWith(QLatin1String("Scroll"));
            if (!qtInternal)
                check(where + QStringLiteral(" accessible name"), w->accessibleName());
            if (w->isWindow() || qobject_cast<QDockWidget*>(w))
                check(where + QStringLiteral(" title"), w->windowTitle());
            for (const QAction* action : w->actions())
                walkAction(where, action);
            if (auto* label = qobject_cast<QLabel*>(w))
                check(where, label->text());
            else if (auto* button = qobject_cast<QAbstractButton*>(w))
                check(where, button->text());
            else if (auto* box = qobject_cast<QGroupBox*>(w))
                check(where, box->title());
            else if (auto* menu = qobject_cast<QMenu*>(w))
                check(where, menu->title());
            if (auto* edit = qobject_cast<QLineEdit*>(w))
                check(where + QStringLiteral(" placeholder"), edit->placeholderText());
            if (auto* text = qobject_cast<QTextEdit*>(w))
                check(where, text->toPlainText());
            if (auto* spin = qobject_cast<QSpinBox*>(w)) {
                check(where + QStringLiteral(" suffix"), spin->suffix());
                check(where + QStringLiteral(" prefix"), spin->prefix());
            }
            if (auto* spin = qobject_cast<QAbstractSpinBox*>(w))
                check(where + QStringLiteral(" special"), spin->specialValueText());
            if (auto* combo = qobject_cast<QComboBox*>(w)) {
                for (int i = 0; i < combo->count(); ++i)
                    check(where + QStringLiteral(" item"), combo->itemText(i));
            }
            if (auto* tabs = qobject_cast<QTabWidget*>(w)) {
                for (int i = 0; i < tabs->count(); ++i) {
                    check(where + QStringLiteral(" tab"), tabs->tabText(i));
                    check(where + QStringLiteral(" tab tooltip"), tabs->tabToolTip(i));
                }
            }
            // Header views and combo popups show their owner's model, which is walked already.
            auto* view = qobject_cast<QAbstractItemView*>(w);
            if (view && !qobject_cast<QHeaderView*>(w) && !w->inherits("QComboBoxListView"))
                walkModel(where, view->model());
            if (auto* plot = qobject_cast<QCustomPlot*>(w))
                walkPlot(where, plot);
            if (auto* chart = qobject_cast<QChartView*>(w))
                walkChart(where, chart->chart());
            if (auto* quick = qobject_cast<QQuickWidget*>(w))
                walkQuick(where, quick->rootObject());
        }
    }

    int checked() const { return m_checked; }
    const QList<Finding>& findings() const { return m_findings; }

private:
    bool m_chinese;
    QStringList m_exempt;
    QList<Finding> m_findings;
    QSet<QString> m_seen;
    int m_checked = 0;
};

}  // namespace

class I18nLanguageSwitchTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void chineseLeavesNoEnglish();
    void englishLeavesNoChinese();
    void switchingBackToChineseIsComplete();
    void choiceIsRemembered();

private:
    void switchTo(const QString& code);
    void expectClean(bool chinese);

    LanguageManager* m_languages = nullptr;
    closelab::widgets::MainWindow* m_window = nullptr;
};

void I18nLanguageSwitchTest::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    m_languages = new LanguageManager(this);
    QVERIFY2(m_languages->setLanguage(QStringLiteral("en")),
             qPrintable(m_languages->errorString()));
    m_window = new closelab::widgets::MainWindow(m_languages);
    m_window->setInteractive(false);
    m_window->resize(1366, 768);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    // Something to explain and to plot: a scenario mid-way and a load run.
    QVERIFY2(m_window->openScenario(QStringLiteral("normal-close")),
             qPrintable(m_window->lastError()));
    QVERIFY(m_window->waitForIdle(60000));
    for (int i = 0; i < 6; ++i)
        m_window->player()->stepForward();
    m_window->runLoad();
    QVERIFY(m_window->waitForIdle(60000));
}

void I18nLanguageSwitchTest::cleanupTestCase() {
    delete m_window;
    m_window = nullptr;
    QSettings().clear();
}

void I18nLanguageSwitchTest::switchTo(const QString& code) {
    QVERIFY2(m_languages->setLanguage(code), qPrintable(m_languages->errorString()));
    QCOMPARE(m_languages->language(), code);
    // LanguageChange events are posted; let every view retranslate and re-render.
    QCoreApplication::processEvents();
    QVERIFY(m_window->waitForIdle(60000));
    QTest::qWait(50);
}

void I18nLanguageSwitchTest::expectClean(bool chinese) {
    for (auto tab :
         {closelab::widgets::MainWindow::Tab::Ladder, closelab::widgets::MainWindow::Tab::Load,
          closelab::widgets::MainWindow::Tab::Compare}) {
        m_window->showTab(tab);
        QCoreApplication::processEvents();
    }
    m_window->showTab(closelab::widgets::MainWindow::Tab::Ladder);
    Walker walker(chinese);
    walker.walk(m_window);
    for (QAction* action : m_window->menuBar()->actions()) {
        walker.walkAction(QStringLiteral("menu bar"), action);
        if (action->menu()) {
            for (QAction* item : action->menu()->actions())
                walker.walkAction(action->menu()->title(), item);
        }
    }
    for (const Finding& f : walker.findings())
        qInfo().noquote() << "  " << f.where << ":" << f.text;
    QVERIFY2(walker.checked() > 50, "the walk found almost no text; is the window empty?");
    QVERIFY2(walker.findings().isEmpty(),
             qPrintable(QStringLiteral("%1 of %2 texts are not in %3 (listed above)")
                            .arg(walker.findings().size())
                            .arg(walker.checked())
                            .arg(chinese ? QStringLiteral("Chinese") : QStringLiteral("English"))));
}

void I18nLanguageSwitchTest::chineseLeavesNoEnglish() {
    switchTo(QStringLiteral("zh_CN"));
    expectClean(true);
}

void I18nLanguageSwitchTest::englishLeavesNoChinese() {
    switchTo(QStringLiteral("en"));
    expectClean(false);
}

void I18nLanguageSwitchTest::switchingBackToChineseIsComplete() {
    switchTo(QStringLiteral("zh_CN"));
    expectClean(true);
}

void I18nLanguageSwitchTest::choiceIsRemembered() {
    QCOMPARE(LanguageManager::initialLanguage(), QStringLiteral("zh_CN"));
    switchTo(QStringLiteral("en"));
    QCOMPARE(LanguageManager::initialLanguage(), QStringLiteral("en"));
}

QTEST_MAIN(I18nLanguageSwitchTest)
#include "i18n_language_switch_test.moc"
