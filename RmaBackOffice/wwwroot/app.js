window.rma = {
    saveTheme: function (theme) {
        document.cookie = "rma.theme=" + theme + "; path=/; max-age=31536000; samesite=lax";
    },
    // A desk's hidden columns, kept per person and desk in this browser; storage may be off, and then nothing is kept.
    loadColumns: function (key) {
        try { return localStorage.getItem(key); } catch (e) { return null; }
    },
    saveColumns: function (key, value) {
        try { if (value) { localStorage.setItem(key, value); } else { localStorage.removeItem(key); } } catch (e) { }
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
