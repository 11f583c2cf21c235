// Inserts Markdown around the selection of the body's textarea and tells Blazor, as if typed.
export function surround(id, before, after, placeholder) {
    const area = document.getElementById(id);
    if (!area) return;
    const start = area.selectionStart, end = area.selectionEnd;
    const chosen = area.value.substring(start, end) || placeholder;
    area.setRangeText(before + chosen + after, start, end, "end");
    area.selectionStart = start + before.length;
    area.selectionEnd = start + before.length + chosen.length;
    area.focus();
    area.dispatchEvent(new Event("input", { bubbles: true }));
}

// The editor's IANA time zone, so scheduled times are entered as the editor reads a clock.
export function timeZone() {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

export async function copy(text) {
    await navigator.clipboard.writeText(text);
}
