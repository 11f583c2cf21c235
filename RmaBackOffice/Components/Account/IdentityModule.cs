using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using RmaBackOffice.Data;

namespace RmaBackOffice.Components.Account;

public static class IdentityModule
{
    public static IServiceCollection AddAppIdentity(this IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<SignInDestination>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddHttpContextAccessor();
        services.AddExceptionHandler<AccessRefusedExceptionHandler>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddAuthorizationBuilder().AddAppPolicies();

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                // Staff accounts are created by admins, who vouch for the address.
                options.SignIn.RequireConfirmedAccount = false;
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
                options.User.RequireUniqueEmail = true;

                // Length over composition rules (NIST SP 800-63B).
                options.Password.RequiredLength = 12;
                options.Password.RequiredUniqueChars = 4;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;

                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<AppSignInManager>()
            .AddDefaultTokenProviders();

        services.AddSingleton<UnknownAccountLockout>();

        // Cookies of a signed-out, locked, deactivated or re-roled user stop working within the revalidation interval.
        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<RevalidationSettings>((options, settings) => options.ValidationInterval = settings.Interval);
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "rma.auth";
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.ExpireTimeSpan = TimeSpan.FromHours(10);
            options.SlidingExpiration = true;
        });

        services.AddSingleton(provider => new RevalidationSettings(TimeSpan.FromSeconds(
            provider.GetRequiredService<IConfiguration>().GetValue("Security:RevalidationSeconds", 30))));
        services.AddSingleton<DatabaseInitializer>();
        return services;
    }
}

public sealed record RevalidationSettings(TimeSpan Interval);
