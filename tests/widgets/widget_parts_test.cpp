// The window's building blocks on their own: editors, filter proxy, plots, charts, export.
#include <qcustomplot.h>

#include <QBarSet>
#include <QCheckBox>
#include <QComboBox>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QHorizontalBarSeries>
#include <QLineEdit>
#include <QPainter>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "../models/test_recordings.h"
#include "core/load/load_result.h"
#include "core/load/load_spec.h"
#include "models/ladder_palette.h"
#include "models/ladder_scene.h"
#include "models/language_manager.h"
#include "models/player.h"
#include "warning_guard.h"
#include "widgets/bar_chart_view.h"
#include "widgets/column_filter_proxy.h"
#include "widgets/compare_panel.h"
#include "widgets/guarded_plot.h"
#include "widgets/ladder_painter.h"
#include "widgets/linger_editor.h"
#include "widgets/load_data_builder.h"
#include "widgets/load_form.h"
#include "widgets/option_delegate.h"
#include "widgets/port_range_editor.h"
#include "widgets/state_plot.h"
#include "widgets/table_panel.h"

using namespace closelab::widgets;

namespace {

// A small option model with the roles the option editor reads.
class FakeOptions : public QStandardItemModel {
public:
    enum Role { ValueType = Qt::UserRole + 1, Minimum, Maximum, Choices, IsDefault };
    FakeOptions() : QStandardItemModel(0, 2) {}
    QHash<int, QByteArray> roleNames() const override {
        auto names = QStandardItemModel::roleNames();
        names.insert(ValueType, "valueType");
        names.insert(Minimum, "minimum");
        names.insert(Maximum, "maximum");
        names.insert(Choices, "enumValues");
        names.insert(IsDefault, "isChanged");
        return names;
    }
    // Refuses what the engine would refuse, like the real OptionsModel.
    bool setData(const QModelIndex& index, const QVariant& value, int role) override {
        if (role == Qt::EditRole && index.data(ValueType) == QLatin1String("integer") &&
            value.toString().toInt() > index.data(Maximum).toInt())
            return false;
        return QStandardItemModel::setData(index, value, role);
    }
    QModelIndex add(const QString& name, const QString& type, const QString& value) {
        auto* nameItem = new QStandardItem(name);
        auto* valueItem = new QStandardItem(value);
        valueItem->setData(type, ValueType);
        valueItem->setData(0, Minimum);
        valueItem->setData(2, Maximum);
        valueItem->setData(QStringList{QStringLiteral("reno"), QStringLiteral("cubic")}, Choices);
        appendRow({nameItem, valueItem});
        return indexFromItem(valueItem);
    }
};

}  // namespace

class WidgetPartsTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::installWarningGuard(); }
    void cleanup() {
        const QStringList warnings = test::takeWarnings();
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
    }

    void portRangeEditorRoundTripsAndRefusesJunk() {
        PortRangeEditor editor;
        QVERIFY(editor.setText(QStringLiteral("32768\t60999")));
        QCOMPARE(editor.text(), QStringLiteral("32768 60999"));
        QCOMPARE(editor.low(), 32768);
        QVERIFY(!editor.setText(QStringLiteral("lots of ports")));
        QCOMPARE(editor.text(), QStringLiteral("32768 60999"));
    }

    void lingerEditorRoundTrips() {
        LingerEditor editor;
        QVERIFY(editor.setText(QStringLiteral("1,0")));
        QCOMPARE(editor.text(), QStringLiteral("1,0"));
        QVERIFY(editor.setText(QStringLiteral("0,30")));
        QCOMPARE(editor.text(), QStringLiteral("0,30"));
        QVERIFY(!editor.findChild<QSpinBox*>(QStringLiteral("lingerSeconds"))->isEnabled());
        QVERIFY(!editor.setText(QStringLiteral("2,5")));
    }

    void delegatePicksAnEditorPerValueType() {
        FakeOptions model;
        const QModelIndex boolIndex =
            model.add(QStringLiteral("b"), QStringLiteral("bool"), QStringLiteral("1"));
        const QModelIndex intIndex =
            model.add(QStringLiteral("i"), QStringLiteral("integer"), QStringLiteral("1"));
        const QModelIndex enumIndex =
            model.add(QStringLiteral("e"), QStringLiteral("enum"), QStringLiteral("cubic"));
        const QModelIndex rangeIndex =
            model.add(QStringLiteral("r"), QStringLiteral("portrange"), QStringLiteral("100 199"));
        const QModelIndex lingerIndex =
            model.add(QStringLiteral("l"), QStringLiteral("linger"), QStringLiteral("1,5"));
        OptionDelegate delegate;
        QWidget parent;
        const QStyleOptionViewItem option;
        QWidget* e = delegate.createEditor(&parent, option, boolIndex);
        QVERIFY(qobject_cast<QCheckBox*>(e));
        delegate.setEditorData(e, boolIndex);
        QVERIFY(qobject_cast<QCheckBox*>(e)->isChecked());
        qobject_cast<QCheckBox*>(e)->setChecked(false);
        delegate.setModelData(e, &model, boolIndex);
        QCOMPARE(boolIndex.data().toString(), QStringLiteral("0"));

        e = delegate.createEditor(&parent, option, intIndex);
        auto* spin = qobject_cast<QSpinBox*>(e);
        QVERIFY(spin);
        QCOMPARE(spin->maximum(), 2);
        e = delegate.createEditor(&parent, option, enumIndex);
        auto* combo = qobject_cast<QComboBox*>(e);
        QVERIFY(combo);
        delegate.setEditorData(combo, enumIndex);
        QCOMPARE(combo->currentText(), QStringLiteral("cubic"));
        e = delegate.createEditor(&parent, option, rangeIndex);
        QVERIFY(qobject_cast<PortRangeEditor*>(e));
        delegate.setEditorData(e, rangeIndex);
        QCOMPARE(qobject_cast<PortRangeEditor*>(e)->text(), QStringLiteral("100 199"));
        e = delegate.createEditor(&parent, option, lingerIndex);
        QVERIFY(qobject_cast<LingerEditor*>(e));
    }

    void delegateReportsARefusedValue() {
        FakeOptions model;
        const QModelIndex index =
            model.add(QStringLiteral("t"), QStringLiteral("text"), QStringLiteral("1"));
        model.setData(index, QStringLiteral("integer"), FakeOptions::ValueType);
        model.setData(index, 100, FakeOptions::Maximum);
        OptionDelegate delegate;
        QSignalSpy rejected(&delegate, &OptionDelegate::rejected);
        QLineEdit line;
        line.setText(QStringLiteral("101"));
        delegate.setModelData(&line, &model, index);
        QCOMPARE(rejected.count(), 1);
        QCOMPARE(rejected.first().at(1).toString(), QStringLiteral("101"));
        QCOMPARE(index.data().toString(), QStringLiteral("1"));
    }

    void filterProxyNeedsEveryWordAndTheChosenColumnValue() {
        QStandardItemModel model(0, 3);
        model.appendRow({new QStandardItem(QStringLiteral("client")),
                         new QStandardItem(QStringLiteral("FIN ACK")),
                         new QStandardItem(QStringLiteral("lost"))});
        model.appendRow({new QStandardItem(QStringLiteral("server")),
                         new QStandardItem(QStringLiteral("FIN ACK")),
                         new QStandardItem(QStringLiteral("delivered"))});
        model.appendRow({new QStandardItem(QStringLiteral("client")),
                         new QStandardItem(QStringLiteral("ACK")),
                         new QStandardItem(QStringLiteral("delivered"))});
        ColumnFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.setText(QStringLiteral("fin lost"));
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setText(QStringLiteral("fin"));
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setColumnValue(0, QStringLiteral("server"));
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setText(QString());
        proxy.setColumnValue(0, QString());
        QCOMPARE(proxy.rowCount(), 3);
    }

    void tablePanelOffersColumnValuesAndReportsTheSourceRow() {
        QStandardItemModel model(0, 2);
        for (const char* host : {"server", "client", "server"})
            model.appendRow({new QStandardItem(QString::fromLatin1(host)),
                             new QStandardItem(QStringLiteral("TIME_WAIT"))});
        TablePanel panel;
        panel.setSourceModel(&model);
        panel.addColumnChoice(0, [] { return QStringLiteral("Host:"); });
        auto* combo = panel.findChild<QComboBox*>(QStringLiteral("choice0"));
        QVERIFY(combo);
        QCOMPARE(combo->count(), 3);  // All, client, server
        combo->setCurrentIndex(combo->findData(QStringLiteral("server")));
        QCOMPARE(panel.visibleRowCount(), 2);
        QSignalSpy activated(&panel, &TablePanel::sourceRowActivated);
        panel.view()->setCurrentIndex(panel.view()->model()->index(1, 0));
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.first().first().toInt(), 2);
        panel.selectSourceRow(0);
        QCOMPARE(activated.count(), 1);  // programmatic selection is not re-broadcast
    }

    void aHiddenPlotDefersItsReplotUntilShown() {
        GuardedPlot plot;
        plot.resize(300, 200);
        plot.requestReplot();
        QVERIFY(!plot.canPaint());
        QVERIFY(plot.replotPending());
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        QVERIFY(!plot.replotPending());
        plot.hide();
        plot.requestReplot();
        QVERIFY(plot.replotPending());
    }

    void statePlotDrawsOneGraphPerSeriesAndExportsCsv() {
        StatePlot plot;
        plot.resize(600, 400);
        plot.setData(
            {0, 1000, 2000},
            {{QStringLiteral("TIME_WAIT"), QStringLiteral("TIME_WAIT"), {0, 10, 20}, false},
             {QStringLiteral("ESTABLISHED"), QStringLiteral("ESTABLISHED"), {1, 1, 0}, true}});
        plot.setCapacity(28232, QStringLiteral("ports"));
        plot.setFailureWindows({{500, 1500}});
        QCOMPARE(plot.plot()->graphCount(), 2);
        QCOMPARE(plot.toCsv(),
                 QStringLiteral("t_ms,TIME_WAIT,ESTABLISHED\n0,0,1\n1000,10,1\n2000,20,0\n"));
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.plot()->replot();
        QSignalSpy moved(&plot, &StatePlot::cursorMoved);
        const int x = int(plot.plot()->xAxis->coordToPixel(1.2));
        const int y = int(plot.plot()->yAxis->coordToPixel(5));
        QMouseEvent move(QEvent::MouseMove, QPointF(x, y), plot.plot()->mapToGlobal(QPointF(x, y)),
                         Qt::NoButton, Qt::NoButton, Qt::NoModifier);
        QCoreApplication::sendEvent(plot.plot(), &move);
        QCOMPARE(moved.count(), 1);
        QVERIFY(qAbs(moved.first().first().toDouble() - 1200) < 20);
        // The readout names the sample at or before the cursor (1 s), every series with it.
        QCOMPARE(plot.readoutText(), QStringLiteral("t = 1.0 s   TIME_WAIT: 10   ESTABLISHED: 1"));
        // The capacity line is inside the visible range.
        QVERIFY(plot.plot()->yAxis->range().upper >= 28232);
        QTemporaryDir dir;
        QVERIFY(plot.savePng(dir.filePath(QStringLiteral("p.png")), 400, 300));
        QVERIFY(QImage(dir.filePath(QStringLiteral("p.png"))).width() == 400);
        QVERIFY(plot.savePdf(dir.filePath(QStringLiteral("p.pdf")), 400, 300));
        QFile pdf(dir.filePath(QStringLiteral("p.pdf")));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
    }

    // The SVG export draws with the on-screen ladder's colours (models::LadderPalette).
    void ladderPainterDrawsTheWholeRunInTheLaddersColours() {
        const auto rec = closelab::tests::handmadeClose();
        closelab::models::Player player;
        closelab::models::LadderScene scene(&player);
        scene.setRecording(rec);
        const LadderPainter painter(scene);
        const QSize size = painter.size();
        QVERIFY(size.height() > 200);
        QImage image(size, QImage::Format_ARGB32);
        image.fill(Qt::white);
        {
            QPainter p(&image);
            painter.paint(p);
        }
        auto count = [&image](const QColor& colour) {
            int n = 0;
            for (int y = 0; y < image.height(); ++y) {
                const auto* line = reinterpret_cast<const QRgb*>(image.constScanLine(y));
                for (int x = 0; x < image.width(); ++x)
                    n += (line[x] & 0xffffff) == (colour.rgb() & 0xffffff) ? 1 : 0;
            }
            return n;
        };
        using closelab::models::LadderPalette;
        QVERIFY(count(LadderPalette::state(QStringLiteral("TIME_WAIT"))) > 100);
        QVERIFY(count(LadderPalette::named(QStringLiteral("lost"))) > 20);  // the lost FIN
        QCOMPARE(image.pixel(1, 1), LadderPalette::named(QStringLiteral("background")).rgb());
        // The scene hands the QML the same colours.
        QCOMPARE(scene.stateColor(QStringLiteral("CLOSE_WAIT")),
                 LadderPalette::state(QStringLiteral("CLOSE_WAIT")));
        QCOMPARE(scene.paletteColor(QStringLiteral("timer")),
                 LadderPalette::named(QStringLiteral("timer")));
    }

    void barChartShowsOneSetPerGroup() {
        BarChartView chart;
        chart.setData({QStringLiteral("EADDRNOTAVAIL")},
                      {{QStringLiteral("pinned"), {3}, QColor()},
                       {QStringLiteral("current"), {0}, QColor()}});
        auto* series = chart.chart()->findChild<QHorizontalBarSeries*>();
        QVERIFY(series);
        QCOMPARE(series->count(), 2);
        QCOMPARE(series->barSets().first()->at(0), 3.0);
    }

    void barChartGroupsDigitsAndKeepsCategoryNamesWhole() {
        // The table beside the chart says "158,840"; so must the bar's label and the value
        // axis. At the chart's minimum size (the window's minimum width) "EADDRNOTAVAIL" is
        // written in full, never "EADDRNO…".
        const QLocale saved;
        for (const QString& name : {QStringLiteral("en_US"), QStringLiteral("zh_CN")}) {
            QLocale::setDefault(QLocale(name));
            BarChartView chart;
            chart.setData({QStringLiteral("EADDRNOTAVAIL"), QStringLiteral("ECONNREFUSED")},
                          {{QStringLiteral("current"), {158840, 7}, QColor()}});
            chart.resize(chart.minimumSize());
            chart.show();
            QVERIFY(QTest::qWaitForWindowExposed(&chart));
            chart.grab();
            QStringList texts;
            QList<QRectF> rects;
            for (const QGraphicsItem* item : chart.scene()->items()) {
                QString text;
                if (const auto* t = dynamic_cast<const QGraphicsTextItem*>(item))
                    text = t->toPlainText();
                else if (const auto* st = dynamic_cast<const QGraphicsSimpleTextItem*>(item))
                    text = st->text();
                if (!item->isVisible() || text.isEmpty())
                    continue;
                texts << text;
                rects << item->sceneBoundingRect();
            }
            const QString all = texts.join(u'|');
            // Every text inside the chart, none over another ("100,000" and "200,000" did).
            for (qsizetype i = 0; i < rects.size(); ++i) {
                QVERIFY2(rects[i].left() >= 0 && rects[i].right() <= chart.width(),
                         qPrintable(name + u": " + texts[i]));
                for (qsizetype j = i + 1; j < rects.size(); ++j)
                    QVERIFY2(!rects[i].intersects(rects[j]),
                             qPrintable(name + u": " + texts[i] + u" over " + texts[j]));
            }
            QVERIFY2(texts.contains(QStringLiteral("158,840")), qPrintable(name + u": " + all));
            QVERIFY2(texts.contains(QStringLiteral("EADDRNOTAVAIL")),
                     qPrintable(name + u": " + all));
            QVERIFY2(texts.contains(QStringLiteral("ECONNREFUSED")),
                     qPrintable(name + u": " + all));
            QVERIFY2(!all.contains(QChar(0x2026)) && !all.contains(QStringLiteral("...")),
                     qPrintable(name + u": " + all));
            QVERIFY2(texts.contains(QStringLiteral("200,000")), qPrintable(name + u": " + all));
        }
        QLocale::setDefault(saved);
    }

    void loadFormOffersOnlyLossesTheCoreAccepts() {
        // 100 % used to be offered, and the run then failed with "--loss must be ... up to (not
        // including) 1".
        LoadForm form;
        LoadForm::Values v = form.values();
        v.lossPercent = 100;
        form.setValues(v);
        closelab::core::LoadSpec spec;
        spec.count = 1;
        spec.loss = form.values().lossPercent / 100.0;
        QVERIFY(spec.loss > 0.99);
        closelab::core::validateLoadSpec(spec);
    }

    void loadSummaryCountsPortsAndDestinationsForOneAndMany() {
        // "1 destinations" was the default load's English (one server port).
        closelab::models::LanguageManager languages;
        QVERIFY(languages.setLanguage(QStringLiteral("en"), false));
        closelab::core::LoadResult result;
        result.summary.sustainableRatePerS = 470.5;
        result.summary.usablePortsPerDestination = 28232;
        result.summary.destinations = 1;
        result.summary.portHoldS = 60;
        QString html = LoadDataBuilder::summaryHtml(result);
        QVERIFY2(html.contains(QStringLiteral("28,232 usable ports × 1 destination,")),
                 qPrintable(html));
        result.summary.usablePortsPerDestination = 1;
        result.summary.destinations = 4;
        html = LoadDataBuilder::summaryHtml(result);
        QVERIFY2(html.contains(QStringLiteral("1 usable port × 4 destinations,")),
                 qPrintable(html));
        QVERIFY(languages.setLanguage(QStringLiteral("zh_CN"), false));
        html = LoadDataBuilder::summaryHtml(result);
        QVERIFY2(html.contains(QStringLiteral("1 个可用端口 × 4 个目的端，")), qPrintable(html));
        QVERIFY(languages.setLanguage(QStringLiteral("en"), false));
    }

    void compareListsTheDifferencesWithTheLanguagesSeparator() {
        // Each difference is a "what: old → new" clause; Chinese separates such clauses with
        // the full-width semicolon, English with "; ".
        closelab::models::LanguageManager languages;
        LoadData run;
        run.timesMs = {0, 1000};
        run.hosts = {QStringLiteral("client")};
        run.series[QStringLiteral("client")] = {{QStringLiteral("TIME_WAIT"), {0, 1}}};
        const QStringList differences{QStringLiteral("rate: 10/s → 20/s"),
                                      QStringLiteral("seed: 1 → 2")};
        ComparePanel panel;
        QVERIFY(languages.setLanguage(QStringLiteral("zh_CN"), false));
        QCoreApplication::processEvents();
        panel.setRuns(run, run, differences);
        const QString zh = panel.differencesText();
        QVERIFY2(zh.contains(QStringLiteral("rate: 10/s → 20/s；seed: 1 → 2")), qPrintable(zh));
        QVERIFY2(!zh.contains(u';'), qPrintable(zh));
        QVERIFY(languages.setLanguage(QStringLiteral("en"), false));
        QCoreApplication::processEvents();
        const QString en = panel.differencesText();
        QVERIFY2(en.contains(QStringLiteral("rate: 10/s → 20/s; seed: 1 → 2")), qPrintable(en));
    }
};

QTEST_MAIN(WidgetPartsTest)
#include "widget_parts_test.moc"
