#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QAction;
class QActionGroup;
class QMenu;
class QScreen;

namespace closelab::widgets {

class MainWindow;
class PresentationWindow;
class PresenterView;

// The main window's tools for teaching: presentation mode (View > Presentation, F5) on a chosen
// screen with a presenter view on the other, zoom of the ladder (Ctrl+= / Ctrl+- / Ctrl+0),
// colour themes for the window's ladder and for the presentation, and handouts (File > Export
// handout...). Owns its actions, menus and windows; the main window only adds the menus.
class LectureTools : public QObject {
    Q_OBJECT
public:
    static constexpr double kMinZoom = 0.75;
    static constexpr double kMaxZoom = 3.0;

    explicit LectureTools(MainWindow* window);
    ~LectureTools() override;

    // Adds the entries: Export handout before `beforeInFile` (Quit) in the File menu, the
    // Presentation submenu, zoom and the ladder theme in the View menu.
    void addMenus(QMenu* fileMenu, QAction* beforeInFile, QMenu* viewMenu);

    // Opens presentation mode on `screen` (null: the chosen screen, else the one that does not
    // show the main window, else the only one). With two screens the presenter view opens on
    // the main window's screen.
    void startPresentation(QScreen* screen = nullptr);
    void stopPresentation();
    bool isPresenting() const;
    // Created on first use; they show the current run.
    PresentationWindow* presentation();
    PresenterView* presenterView();
    void togglePresenterView();
    // The screen presentation mode would use now.
    QScreen* presentationScreen() const;

    // The window's ladder.
    void setZoom(double zoom);
    double zoom() const { return m_zoom; }
    void setLadderTheme(const QString& theme);
    QString ladderTheme() const { return m_ladderTheme; }
    void setPresentationTheme(const QString& theme);
    QString presentationTheme() const { return m_presentationTheme; }

    // Writes the current run's handout (current language); false with the reason in *error.
    bool exportHandout(const QString& file, QString* error = nullptr);

    QAction* presentAction() const { return m_present; }
    QAction* presenterAction() const { return m_presenter; }
    QAction* zoomInAction() const { return m_zoomIn; }
    QAction* zoomOutAction() const { return m_zoomOut; }
    QAction* zoomResetAction() const { return m_zoomReset; }
    QAction* handoutAction() const { return m_handout; }

private:
    void createActions();
    void retranslate();
    void applyLadderLook();
    void refreshPresentation();
    void fillScreenMenu();
    void exportHandoutDialog();
    bool chinese() const;

    MainWindow* m_window;
    QPointer<PresentationWindow> m_presentation;
    QPointer<PresenterView> m_presenterView;
    QMenu* m_presentationMenu = nullptr;
    QMenu* m_screenMenu = nullptr;
    QMenu* m_ladderThemeMenu = nullptr;
    QMenu* m_presentationThemeMenu = nullptr;
    QAction* m_present = nullptr;
    QAction* m_presenter = nullptr;
    QAction* m_zoomIn = nullptr;
    QAction* m_zoomOut = nullptr;
    QAction* m_zoomReset = nullptr;
    QAction* m_handout = nullptr;
    QActionGroup* m_ladderThemes = nullptr;
    QActionGroup* m_presentationThemes = nullptr;
    QString m_screenName;  // the chosen screen's name; empty: automatic
    QString m_ladderTheme = QStringLiteral("standard");
    QString m_presentationTheme = QStringLiteral("projector");
    double m_zoom = 1.0;
};

}  // namespace closelab::widgets
