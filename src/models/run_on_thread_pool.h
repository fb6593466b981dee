#pragma once

#include <QFuture>
#include <QPromise>
#include <QThreadPool>

#include <memory>
#include <type_traits>
#include <utility>

namespace closelab::models {

// Runs `work` on the global thread pool and returns the future of its result: what
// QtConcurrent::run() does, with QtCore alone (the models layer uses no QtConcurrent).
template <class Work>
QFuture<std::invoke_result_t<Work>> runOnThreadPool(Work work) {
    using Result = std::invoke_result_t<Work>;
    auto promise = std::make_shared<QPromise<Result>>();
    QFuture<Result> future = promise->future();
    promise->start();
    QThreadPool::globalInstance()->start([promise, work = std::move(work)]() mutable {
        promise->addResult(work());
        promise->finish();
    });
    return future;
}

}  // namespace closelab::models
