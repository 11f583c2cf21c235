window.rma = {
    saveTheme: function (theme) {
        document.cookie = "rma.theme=" + theme + "; path=/; max-age=31536000; samesite=lax";
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
