using MudBlazor;
using MudBlazor.Services;

namespace RmaBackOffice.Components.Layout;

public static class ToastServices
{
    /// <summary>MudBlazor's services, with toasts shown one at a time at the bottom left (<see cref="OneToastAtATime"/>).</summary>
    public static IServiceCollection AddMudServicesWithOneToast(this IServiceCollection services)
    {
        // Registered first: MudBlazor only adds its own snackbar service when none is there.
        services.AddScoped(provider => ActivatorUtilities.CreateInstance<SnackbarService>(provider));
        services.AddScoped<ISnackbar>(provider => new OneToastAtATime(provider.GetRequiredService<SnackbarService>()));
        return services.AddMudServices(config =>
        {
            config.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomLeft;
            config.SnackbarConfiguration.MaxDisplayedSnackbars = 1;
            config.SnackbarConfiguration.NewestOnTop = true;
        });
    }
}
