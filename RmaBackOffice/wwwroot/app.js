window.rma = {
    saveTheme: function (theme) {
        document.cookie = "rma.theme=" + theme + "; path=/; max-age=31536000; samesite=lax";
    },
    // A desk's hidden columns, kept per person and desk in a cookie that the server reads to render the desk without them.
    saveColumns: function (name, value) {
        document.cookie = name + "=" + encodeURIComponent(value) + "; path=/; max-age=" + (value ? 31536000 : 0) + "; samesite=lax";
    }
};

// The theme toggle of static pages (the account pages): save the choice and show the page in it.
document.addEventListener("click", function (e) {
    var toggle = e.target.closest && e.target.closest("[data-rma-theme]");
    if (toggle) {
        window.rma.saveTheme(toggle.getAttribute("data-rma-theme"));
        location.reload();
    }
});

// A CSV export link (data-rma-export, its status line in data-rma-export-status): the file is read as it streams, so the
// person sees the rows arrive and a closing line, not a silent wait; without this script the link is a plain download.
document.addEventListener("click", function (e) {
    var link = e.target.closest && e.target.closest("a[data-rma-export]");
    if (!link || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) {
        return;
    }
    e.preventDefault();
    if (link.getAttribute("aria-disabled") === "true") {
        return;
    }
    var status = document.getElementById(link.getAttribute("data-rma-export"));
    var what = link.getAttribute("data-rma-export-what") || "rows";
    var say = function (text) { if (status) { status.textContent = text; } };
    var count = function (n) { return n.toLocaleString("en-US"); };
    var size = function (bytes) { return bytes < 1048576 ? Math.max(1, Math.round(bytes / 1024)) + " KB" : (bytes / 1048576).toFixed(1) + " MB"; };
    link.setAttribute("aria-disabled", "true");
    say("Exporting…");
    var url = link.href;
    fetch(url, { credentials: "same-origin" }).then(function (response) {
        var type = response.headers.get("Content-Type") || "";
        if (!response.ok || type.indexOf("text/csv") !== 0 || !response.body) {
            // A sign-in page or an error: let the browser show it as the server answers it.
            location.href = url;
            return null;
        }
        var name = /filename="?([^";]+)"?/.exec(response.headers.get("Content-Disposition") || "");
        var reader = response.body.getReader();
        var chunks = [], lines = 0, bytes = 0, shown = 0;
        var read = function () {
            return reader.read().then(function (part) {
                if (part.done) {
                    return;
                }
                chunks.push(part.value);
                bytes += part.value.length;
                for (var i = 0; i < part.value.length; i++) {
                    if (part.value[i] === 10) { lines++; }
                }
                var now = Date.now();
                if (now - shown > 150) {
                    shown = now;
                    say("Exporting… " + count(Math.max(0, lines - 1)) + " " + what + " (" + size(bytes) + ")");
                }
                return read();
            });
        };
        return read().then(function () {
            var blob = new Blob(chunks, { type: "text/csv" });
            var save = document.createElement("a");
            save.href = URL.createObjectURL(blob);
            save.download = name ? name[1] : "export.csv";
            document.body.appendChild(save);
            save.click();
            save.remove();
            setTimeout(function () { URL.revokeObjectURL(save.href); }, 60000);
            say("Exported " + count(Math.max(0, lines - 1)) + " " + what + " (" + size(bytes) + "): " + save.download + " is in your downloads.");
        });
    }).catch(function () {
        say("The export stopped before it finished. Try again.");
    }).finally(function () {
        link.removeAttribute("aria-disabled");
    });
});
