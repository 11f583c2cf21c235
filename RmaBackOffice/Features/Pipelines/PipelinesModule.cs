namespace RmaBackOffice.Features.Pipelines;

public static class PipelinesModule
{
    public static IServiceCollection AddPipelines(this IServiceCollection services)
    {
        services.AddScoped<PipelineService>();
        services.AddSingleton<Candidates.ILinkedCandidateRecords, CandidateSearchRecords>();
        services.AddSingleton(new RecordPanel(RecordPage.JobOrder, typeof(JobOrderPipeline)));
        services.AddSingleton(new RecordPanel(RecordPage.Candidate, typeof(CandidateSearches)));
        return services;
    }
}
