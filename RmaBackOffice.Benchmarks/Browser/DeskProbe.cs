using Microsoft.Playwright;

namespace RmaBackOffice.Benchmarks.Browser;

/// <summary>
/// Times what a person sees, inside the page: from the input event (a click or an Enter, caught in the capture phase) to
/// the frame after the grid's rows changed; and from navigation start to the first row in the document. Playwright's own
/// round trips stay outside the figures.
/// </summary>
public static class DeskProbe
{
    /// <summary>Any desk's grid: the candidate and job-order desks name theirs with data-testid.</summary>
    public const string AnyGrid = "[data-testid=candidates-grid], [data-testid=job-orders-grid]";

    public const string InitScript = """
        (() => {
          const firstRow = '[data-testid=candidates-grid] tbody tr td, [data-testid=job-orders-grid] tbody tr td';
          const seen = () => {
            if (!window.__firstRows && document.querySelector(firstRow)) window.__firstRows = performance.now();
            if (!window.__interactive && document.querySelector('[data-testid=theme-toggle]')) window.__interactive = performance.now();
            return window.__firstRows && window.__interactive;
          };
          new MutationObserver((_, o) => { if (seen()) o.disconnect(); }).observe(document, { childList: true, subtree: true });
          const start = e => { if (e.type === 'click' || e.key === 'Enter') window.__t0 = performance.now(); };
          document.addEventListener('click', start, true);
          document.addEventListener('keydown', start, true);
          window.__gridSignature = grid => {
            const rows = document.querySelectorAll(grid + ' tbody tr');
            return rows.length + '|' + (rows[0] ? rows[0].innerText : '') + '|' + (rows.length ? rows[rows.length - 1].innerText : '');
          };
          window.__armGridChange = grid => {
            const before = window.__gridSignature(grid);
            window.__gridChanged = new Promise(resolve => {
              const o = new MutationObserver(() => {
                if (window.__gridSignature(grid) !== before && document.querySelector(grid + ' tbody tr td')) {
                  o.disconnect();
                  requestAnimationFrame(() => resolve(performance.now() - window.__t0));
                }
              });
              o.observe(document.body, { childList: true, subtree: true, characterData: true });
            });
          };
        })();
        """;

    /// <summary>Milliseconds from the action's input event to the frame showing the changed grid.</summary>
    public static async Task<double> TimeGridChangeAsync(IPage page, string grid, Func<Task> action)
    {
        await page.EvaluateAsync("grid => window.__armGridChange(grid)", grid);
        await action();
        return await page.EvaluateAsync<double>("() => window.__gridChanged");
    }

    /// <summary>Opens <paramref name="url"/> in a new page; returns (first rows, interactive) in ms from navigation start.</summary>
    public static async Task<(double FirstRows, double Interactive)> TimeOpenAsync(IBrowserContext context, string url, bool waitForInteractive)
    {
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Commit });
            await page.WaitForFunctionAsync("() => window.__firstRows");
            var firstRows = await page.EvaluateAsync<double>("() => window.__firstRows");
            if (!waitForInteractive)
            {
                return (firstRows, double.NaN);
            }
            await page.WaitForFunctionAsync("() => window.__interactive");
            return (firstRows, await page.EvaluateAsync<double>("() => window.__interactive"));
        }
        finally
        {
            await page.CloseAsync();
        }
    }
}
