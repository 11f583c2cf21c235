window.rma = {
    saveTheme: function (theme) {
        document.cookie = "rma.theme=" + theme + "; path=/; max-age=31536000; samesite=lax";
    }
};
