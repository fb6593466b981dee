#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <vector>

#include "models/lesson_beats.h"

namespace closelab::models {

class Session;

// What a printed handout says about the current run, in one language: the scenario's title,
// description and lesson, the options that differ from the kernel profile's defaults, and the
// lesson beats (the pages after the title page).
struct HandoutContent {
    Q_DECLARE_TR_FUNCTIONS(closelab::models::HandoutContent)
public:
    QString scenarioId;
    QString title;
    QString description;
    QString lesson;
    QString kernel;       // profile name, e.g. linux-6
    QStringList options;  // "client: net.ipv4.tcp_fin_timeout = 7", in host and registry order
    std::vector<LessonBeat> beats;
    bool chinese = false;  // the language of the texts above (and of the beats' texts to use)

    // From the session's scenario and recording (empty fields when there is none).
    static HandoutContent fromSession(const Session& session, bool chinese);
};

}  // namespace closelab::models
