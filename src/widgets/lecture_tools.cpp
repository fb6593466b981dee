#include "widgets/lecture_tools.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMenu>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QWindow>
#include <algorithm>

#include "core/scenario.h"
#include "models/beat_stepper.h"
#include "models/handout_content.h"
#include "models/ladder_palette.h"
#include "models/language_manager.h"
#include "models/player.h"
#include "models/session.h"
#include "widgets/handout_writer.h"
#include "widgets/ladder_view.h"
#include "widgets/main_window.h"
#include "widgets/presentation_window.h"
#include "widgets/presenter_view.h"

namespace closelab::widgets {

namespace {

constexpr auto kZoomKey = "ui/ladderZoom";
constexpr auto kLadderThemeKey = "ui/ladderTheme";
constexpr auto kPresentationThemeKey = "presentation/theme";
constexpr auto kScreenKey = "presentation/screen";

// The zoom steps of Ctrl+= and Ctrl+-.
constexpr double kZoomSteps[] = {0.75, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0, 2.5, 3.0};

QString themeTitle(const QString& theme) {
    if (theme == QLatin1String("projector"))
        return LectureTools::tr("&High contrast (projector)");
    if (theme == QLatin1String("dark"))
        return LectureTools::tr("&Dark");
    return LectureTools::tr("&Standard");
}

}  // namespace

LectureTools::LectureTools(MainWindow* window) : QObject(window), m_window(window) {
    QSettings settings;
    m_zoom =
        std::clamp(settings.value(QLatin1String(kZoomKey), 1.0).toDouble(), kMinZoom, kMaxZoom);
    m_ladderTheme =
        settings.value(QLatin1String(kLadderThemeKey), QStringLiteral("standard")).toString();
    m_presentationTheme =
        settings.value(QLatin1String(kPresentationThemeKey), QStringLiteral("projector"))
            .toString();
    m_screenName = settings.value(QLatin1String(kScreenKey)).toString();
    createActions();
    applyLadderLook();
    connect(m_window->session(), &models::Session::recordingChanged, this,
            &LectureTools::refreshPresentation);
    connect(m_window->languages(), &models::LanguageManager::languageChanged, this, [this] {
        retranslate();
        refreshPresentation();
    });
    retranslate();
}

LectureTools::~LectureTools() {
    // Top-level windows of their own: not deleted with the main window otherwise.
    delete m_presenterView;
    delete m_presentation;
}

bool LectureTools::chinese() const {
    return m_window->languages()->language() == QLatin1String("zh_CN");
}

void LectureTools::createActions() {
    m_present = new QAction(this);
    m_present->setObjectName(QStringLiteral("actionPresent"));
    m_present->setShortcut(QKeySequence(Qt::Key_F5));
    m_presenter = new QAction(this);
    m_presenter->setObjectName(QStringLiteral("actionPresenterView"));
    m_zoomIn = new QAction(this);
    m_zoomIn->setObjectName(QStringLiteral("actionZoomIn"));
    m_zoomIn->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence::ZoomIn});
    m_zoomOut = new QAction(this);
    m_zoomOut->setObjectName(QStringLiteral("actionZoomOut"));
    m_zoomOut->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Minus), QKeySequence::ZoomOut});
    m_zoomReset = new QAction(this);
    m_zoomReset->setObjectName(QStringLiteral("actionZoomReset"));
    m_zoomReset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    m_handout = new QAction(this);
    m_handout->setObjectName(QStringLiteral("actionExportHandout"));
    for (QAction* a : {m_present, m_zoomIn, m_zoomOut, m_zoomReset})
        m_window->addAction(a);

    const auto themeGroup = [this](const QString& current, const QString& prefix) {
        auto* group = new QActionGroup(this);
        group->setExclusive(true);
        for (const QString& theme : models::LadderPalette::themes()) {
            auto* a = new QAction(group);
            a->setObjectName(prefix + theme);
            a->setCheckable(true);
            a->setChecked(theme == current);
            a->setData(theme);
        }
        return group;
    };
    m_ladderThemes = themeGroup(m_ladderTheme, QStringLiteral("actionLadderTheme_"));
    m_presentationThemes =
        themeGroup(m_presentationTheme, QStringLiteral("actionPresentationTheme_"));

    connect(m_present, &QAction::triggered, this, [this] {
        if (isPresenting())
            stopPresentation();
        else
            startPresentation();
    });
    connect(m_presenter, &QAction::triggered, this, &LectureTools::togglePresenterView);
    connect(m_zoomIn, &QAction::triggered, this, [this] {
        for (const double step : kZoomSteps) {
            if (step > m_zoom + 1e-9) {
                setZoom(step);
                return;
            }
        }
    });
    connect(m_zoomOut, &QAction::triggered, this, [this] {
        for (auto it = std::rbegin(kZoomSteps); it != std::rend(kZoomSteps); ++it) {
            if (*it < m_zoom - 1e-9) {
                setZoom(*it);
                return;
            }
        }
    });
    connect(m_zoomReset, &QAction::triggered, this, [this] { setZoom(1.0); });
    connect(m_handout, &QAction::triggered, this, &LectureTools::exportHandoutDialog);
    connect(m_ladderThemes, &QActionGroup::triggered, this,
            [this](QAction* a) { setLadderTheme(a->data().toString()); });
    connect(m_presentationThemes, &QActionGroup::triggered, this,
            [this](QAction* a) { setPresentationTheme(a->data().toString()); });
}

void LectureTools::addMenus(QMenu* fileMenu, QAction* beforeInFile, QMenu* viewMenu) {
    fileMenu->insertAction(beforeInFile, m_handout);
    fileMenu->insertSeparator(beforeInFile);
    viewMenu->addSeparator();
    m_presentationMenu = viewMenu->addMenu(QString());
    m_presentationMenu->addAction(m_present);
    m_presentationMenu->addAction(m_presenter);
    m_screenMenu = m_presentationMenu->addMenu(QString());
    connect(m_screenMenu, &QMenu::aboutToShow, this, &LectureTools::fillScreenMenu);
    m_presentationThemeMenu = m_presentationMenu->addMenu(QString());
    m_presentationThemeMenu->addActions(m_presentationThemes->actions());
    viewMenu->addAction(m_zoomIn);
    viewMenu->addAction(m_zoomOut);
    viewMenu->addAction(m_zoomReset);
    m_ladderThemeMenu = viewMenu->addMenu(QString());
    m_ladderThemeMenu->addActions(m_ladderThemes->actions());
    fillScreenMenu();
    retranslate();
}

void LectureTools::fillScreenMenu() {
    if (!m_screenMenu)
        return;
    m_screenMenu->clear();
    auto* group = new QActionGroup(m_screenMenu);
    group->setExclusive(true);
    auto* automatic = m_screenMenu->addAction(tr("&Automatic (the screen without this window)"));
    automatic->setCheckable(true);
    automatic->setChecked(m_screenName.isEmpty());
    group->addAction(automatic);
    m_screenMenu->addSeparator();
    int n = 1;
    for (QScreen* screen : QGuiApplication::screens()) {
        const QSize size = screen->size();
        auto* a = m_screenMenu->addAction(tr("Screen %1: %2 (%3×%4)")
                                              .arg(n++)
                                              .arg(screen->name())
                                              .arg(size.width())
                                              .arg(size.height()));
        a->setCheckable(true);
        a->setChecked(screen->name() == m_screenName);
        a->setData(screen->name());
        group->addAction(a);
    }
    connect(group, &QActionGroup::triggered, this, [this](QAction* a) {
        m_screenName = a->data().toString();
        QSettings().setValue(QLatin1String(kScreenKey), m_screenName);
    });
}

QScreen* LectureTools::presentationScreen() const {
    const QList<QScreen*> screens = QGuiApplication::screens();
    for (QScreen* screen : screens) {
        if (!m_screenName.isEmpty() && screen->name() == m_screenName)
            return screen;
    }
    QScreen* own = m_window->screen();
    for (QScreen* screen : screens) {
        if (screen != own)
            return screen;
    }
    return own ? own : QGuiApplication::primaryScreen();
}

PresentationWindow* LectureTools::presentation() {
    if (!m_presentation) {
        m_presentation = new PresentationWindow(m_window->player());
        m_presentation->setTheme(m_presentationTheme);
        connect(m_presentation, &PresentationWindow::exitRequested, this,
                &LectureTools::stopPresentation);
        connect(m_presentation, &PresentationWindow::presenterViewRequested, this,
                &LectureTools::togglePresenterView);
        refreshPresentation();
    }
    return m_presentation;
}

PresenterView* LectureTools::presenterView() {
    if (!m_presenterView)
        m_presenterView = new PresenterView(presentation());
    return m_presenterView;
}

void LectureTools::refreshPresentation() {
    if (!m_presentation)
        return;
    const auto scenario = m_window->session()->scenario();
    m_presentation->setChinese(chinese());
    m_presentation->setRun(
        m_window->session()->recording(),
        scenario ? QString::fromStdString(scenario->title.text(chinese())) : QString());
    m_presentation->retranslate();
    if (m_presenterView)
        m_presenterView->refresh();
}

bool LectureTools::isPresenting() const {
    return m_presentation && m_presentation->isVisible();
}

void LectureTools::startPresentation(QScreen* screen) {
    PresentationWindow* w = presentation();
    refreshPresentation();
    if (!screen)
        screen = presentationScreen();
    m_window->player()->pause();
    w->setBlanked(false);
    w->winId();  // a native window, so it can be placed on its screen before it shows
    if (screen) {
        w->windowHandle()->setScreen(screen);
        w->setGeometry(screen->geometry());
    }
    w->showFullScreen();
    w->raise();
    w->activateWindow();
    // A second screen: the teacher's view goes on the one with the main window.
    QScreen* own = m_window->screen();
    if (QGuiApplication::screens().size() > 1 && own && own != screen) {
        PresenterView* view = presenterView();
        view->winId();
        view->windowHandle()->setScreen(own);
        view->setGeometry(own->availableGeometry());
        view->showMaximized();
    }
    if (m_presenterView)
        m_presenterView->restartClock();
}

void LectureTools::stopPresentation() {
    if (m_presenterView)
        m_presenterView->hide();
    if (m_presentation) {
        m_presentation->stepper()->finishAnimation();
        m_presentation->hide();
    }
    m_window->activateWindow();
}

void LectureTools::togglePresenterView() {
    PresenterView* view = presenterView();
    if (view->isVisible()) {
        view->hide();
        return;
    }
    view->resize(900, 600);
    view->show();
    view->raise();
    view->activateWindow();
}

void LectureTools::setZoom(double zoom) {
    m_zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    QSettings().setValue(QLatin1String(kZoomKey), m_zoom);
    applyLadderLook();
    m_zoomOut->setEnabled(m_zoom > kMinZoom + 1e-9);
    m_zoomIn->setEnabled(m_zoom < kMaxZoom - 1e-9);
}

void LectureTools::setLadderTheme(const QString& theme) {
    if (!models::LadderPalette::themes().contains(theme))
        return;
    m_ladderTheme = theme;
    QSettings().setValue(QLatin1String(kLadderThemeKey), theme);
    for (QAction* a : m_ladderThemes->actions())
        a->setChecked(a->data().toString() == theme);
    applyLadderLook();
}

void LectureTools::setPresentationTheme(const QString& theme) {
    if (!models::LadderPalette::themes().contains(theme))
        return;
    m_presentationTheme = theme;
    QSettings().setValue(QLatin1String(kPresentationThemeKey), theme);
    for (QAction* a : m_presentationThemes->actions())
        a->setChecked(a->data().toString() == theme);
    if (m_presentation)
        m_presentation->setTheme(theme);
}

void LectureTools::applyLadderLook() {
    m_window->ladderView()->setLook(m_zoom, m_zoom, m_ladderTheme);
}

bool LectureTools::exportHandout(const QString& file, QString* error) {
    const auto recording = m_window->session()->recording();
    if (!recording) {
        if (error)
            *error = tr("There is no run to write a handout of.");
        return false;
    }
    return HandoutWriter::write(
        file, models::HandoutContent::fromSession(*m_window->session(), chinese()), recording,
        error);
}

void LectureTools::exportHandoutDialog() {
    const QString base = m_window->session()->scenarioId().isEmpty()
                             ? QStringLiteral("closelab")
                             : m_window->session()->scenarioId();
    QString file = QFileDialog::getSaveFileName(m_window, tr("Export handout"),
                                                base + QStringLiteral("-handout.pdf"),
                                                tr("PDF documents (*.pdf)"));
    if (file.isEmpty())
        return;
    if (QFileInfo(file).suffix().isEmpty())
        file += QStringLiteral(".pdf");
    QString error;
    if (exportHandout(file, &error))
        m_window->statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(file)),
                                           5000);
    else
        QMessageBox::warning(m_window, tr("Export handout"), error);
}

void LectureTools::retranslate() {
    m_present->setText(tr("&Start presentation"));
    m_present->setToolTip(tr("Full screen, large type, stepped by lesson beats (F5; Esc leaves)"));
    m_presenter->setText(tr("&Presenter view"));
    m_presenter->setToolTip(tr("Current and next beat, speaker notes, elapsed time (P)"));
    m_zoomIn->setText(tr("Zoom &in"));
    m_zoomOut->setText(tr("Zoom &out"));
    m_zoomReset->setText(tr("&Actual size"));
    m_handout->setText(tr("Export &handout…"));
    m_handout->setToolTip(tr("A PDF for printing: a title page and one page per beat"));
    if (m_presentationMenu)
        m_presentationMenu->setTitle(tr("P&resentation"));
    if (m_screenMenu)
        m_screenMenu->setTitle(tr("Present on &screen"));
    if (m_presentationThemeMenu)
        m_presentationThemeMenu->setTitle(tr("Presentation &theme"));
    if (m_ladderThemeMenu)
        m_ladderThemeMenu->setTitle(tr("Ladder &theme"));
    for (QActionGroup* group : {m_ladderThemes, m_presentationThemes}) {
        for (QAction* a : group->actions())
            a->setText(themeTitle(a->data().toString()));
    }
    fillScreenMenu();
}

}  // namespace closelab::widgets
