// The import page's progress while a run is under way: the bar and the sentence under it follow the run's progress
// JSON once a second; when the run ends the page is loaded again to show its report. Without this script a reload
// shows the same.
(() => {
    const box = document.querySelector("[data-import-progress]");
    if (!box) {
        return;
    }
    const bar = box.querySelector("progress");
    const text = box.querySelector("[data-import-text]");
    const tick = () => fetch(box.dataset.importProgress, {credentials: "same-origin", headers: {Accept: "application/json"}})
        .then(response => response.ok ? response.json() : Promise.reject(new Error(String(response.status))))
        .then(progress => {
            if (progress.total > 0) {
                bar.max = progress.total;
                bar.value = progress.done;
                bar.textContent = progress.percent + "%";
            }
            text.textContent = progress.text;
            if (progress.ended) {
                window.location.reload();
            } else {
                window.setTimeout(tick, 1000);
            }
        })
        .catch(() => window.setTimeout(tick, 5000));
    window.setTimeout(tick, 1000);
})();
