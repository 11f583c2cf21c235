namespace RmaBackOffice.Features.Articles.Calendar;

public static class CalendarModule
{
    public static IServiceCollection AddArticleCalendar(this IServiceCollection services) => services.AddScoped<ArticleCalendar>();
}
