namespace RmaBackOffice.Features.Articles.Demo;

/// <summary>One demo article: what it says, and how far through the workflow it has come.</summary>
internal sealed record DemoArticle(
    string Title, int CategoryId, string[] Tags, string? Summary, string Body, string? CoverAlt, ArticleStatus Status, int DaysAgo,
    int PublishInDays = 0);

/// <summary>
/// The demo articles, written for the demo: two in every workflow state, in the two seeded categories (1 firm news, 2 executive
/// leadership). Drafts are left incomplete, as drafts are; everything past review passes the checklist.
/// </summary>
internal static class DemoArticleTexts
{
    public const string Bio = "Ed edits the firm's news and leadership pages and writes about how executive searches are run.";

    public static readonly DemoArticle[] All =
    [
        new("Twenty offices, one search desk", 1, ["offices", "global search"],
            "How our offices in Europe, Asia and the Pacific share one search, so a client in one city meets candidates from all of them.",
            """
            A search that starts in Berlin rarely ends there. The right chief financial officer for a German manufacturer may be working in
            Prague, Zurich or Singapore today, and a client should not have to brief three firms to find out.

            ## One brief, every office

            When an *Executive Position Job Order* reaches us, one recruiter owns it from the first call to the signed offer. That recruiter
            briefs colleagues in the offices closest to the likely candidates, and their long lists come back to a single desk.

            - one contact for the client, whatever the time zone;
            - one shortlist, compared on the same criteria;
            - one set of references, checked the same way.

            Our offices run from Wellington to London. The desk behind them is the same everywhere.
            """,
            "A world map with lines joining the firm's office cities", ArticleStatus.Published, 30),
        new("What a board should ask before it hires a chief executive", 2, ["boards", "ceo search"],
            "Five questions that a nominating committee can answer before the first interview, and that save months afterwards.",
            """
            Most chief executive searches that go wrong went wrong before the first candidate was called. The board had not agreed on what
            the next five years require, so each director interviewed for a different job.

            ## Agree on these first

            1. What must be true in three years that is not true today?
            2. Which of those changes needs the chief executive personally, and which a strong team?
            3. What will the board stop doing once the new leader is in place?
            4. Who speaks for the board to candidates, and who decides?
            5. How will the board know, at twelve months, that the hire is working?

            Written answers to these five questions make a better brief than any job description. They also tell candidates, early, whether
            the board knows its own mind: the strongest ones ask.
            """,
            "An empty boardroom table with chairs around it", ArticleStatus.Published, 21),
        new("The first ninety days: three habits of leaders who stay", 2, ["onboarding", "leadership"],
            "Executives who are still in post after three years tend to spend their first quarter listening, naming one early win and choosing their team slowly.",
            """
            We follow up with every executive we place, at one month, six months and a year. Over time a pattern shows in those
            conversations: the leaders who stay share a few habits from their first weeks.

            ## They listen before they decide

            The first month is for questions. Strong new leaders meet people two and three levels down, and they write down what they hear.

            ## They choose one visible win

            Not a reorganisation: something small that colleagues have wanted fixed for years, done within the quarter.

            ## They take their time with the team

            Replacing people in the first weeks is tempting. Those who wait until they have seen each person at work make fewer changes,
            and better ones.
            """,
            "A notebook open on a desk beside a cup of coffee", ArticleStatus.Published, 10),
        new("Job orders and registrations now reach our recruiters the same day", 1, ["firm news", "candidates"],
            "Employers who send a job order and executives who register with us now hear from a recruiter within one working day.",
            """
            Until this year, an *Executive Position Job Order* sent from our website could wait in a shared inbox until someone in the right
            office picked it up. That is over.

            Job orders and *Executive Candidate Registrations* now arrive on one desk that every recruiter works from. Each one is triaged
            the day it arrives and handed to the recruiter who knows the industry best.

            - **Employers** get a named recruiter and a call back within one working day.
            - **Candidates** are told which searches their profile fits, and which it does not.

            Nothing changes in the forms themselves: the [job order form](/job-order) and the registration page are where they always were.
            """,
            "A recruiter on a phone call in front of two screens", ArticleStatus.Published, 3),
        new("Holiday hours across our offices", 1, ["offices"],
            "Our offices close for their local public holidays; this is how to reach a recruiter while one of them is shut.",
            """
            Each of our offices keeps the public holidays of its own country, so on any given day one of them may be closed while the
            others work.

            If your recruiter's office is closed, your search does not stop: a colleague in the nearest open office can answer, and the
            whole history of your search is on the same desk.
            """,
            "A calendar page with a holiday circled", ArticleStatus.Archived, 200),
        new("Video interviews: a short checklist for candidates", 2, ["candidates", "interviews"],
            "Light, sound, a quiet room and a plan for a dropped connection: what we told candidates before their first video interviews.",
            """
            A video interview is still an interview. The candidates who do best treat the set-up as part of their preparation.

            - Face a window or a lamp, not a bright wall behind you.
            - Use headphones with a microphone; laptop speakers echo.
            - Close every other program, and silence the phone.
            - Agree a phone number with the interviewer in case the call drops.

            Test the link the day before, at the same hour, from the same room.
            """,
            "A laptop on a table showing a video call", ArticleStatus.Archived, 120),
        new("A closer look at our Asia-Pacific practice", 1, ["offices", "asia pacific"],
            "From Tokyo to Melbourne, our Asia-Pacific offices now run more of our searches than any other region.",
            """
            Our offices in Bangkok, Beijing, Hong Kong, Kuala Lumpur, Mumbai, New Delhi, Tokyo, Sydney, Melbourne and Wellington
            together cover more than half of the world's population, and an ever larger share of our work.

            ## What clients ask us for

            Regional leaders who can work across several markets at once, often for companies entering the region for the first time.

            ## How we answer

            Each office knows its own market; together they build one long list for the client, wherever the search began.
            """,
            "The skyline of Hong Kong at dusk", ArticleStatus.Scheduled, 6, PublishInDays: 2),
        new("Succession planning is a standing agenda item, not a crisis plan", 2, ["boards", "succession"],
            "Boards that review succession every quarter replace leaders calmly; the others do it in a hurry.",
            """
            A chief executive's departure is rarely a surprise to everyone. It is often a surprise to the board.

            Boards that handle succession well put it on the agenda every quarter, with the same three questions: who could step in
            tomorrow, who could step in within two years, and what those people need to get there.

            > A succession plan that is only opened in an emergency is not a plan.

            The conversation is easier when it is routine, and far easier than the one that follows an unexpected resignation.
            """,
            "Two people walking side by side along a corridor", ArticleStatus.Scheduled, 5, PublishInDays: 8),
        new("How we keep a shortlist confidential", 1, ["confidentiality", "candidates"],
            "Candidates who are still employed trust us with their names; this is how those names stay between them, us and the client.",
            """
            Most of the executives on our shortlists are in post and have not told their employers they are talking to us. Their trust is
            the whole of our business.

            - Names reach the client only when the candidate has agreed, search by search.
            - Notes about a candidate are seen only by the recruiters working the search.
            - Every access to a candidate's record is written to an audit trail that cannot be rewritten.

            When a search ends, the candidate decides whether we keep their profile for the next one.
            """,
            "A closed folder with a paper clip on a desk", ArticleStatus.Approved, 4),
        new("Interim executives: when a bridge is the right hire", 2, ["interim", "leadership"],
            "An interim leader can steady a company between permanent hires, if the board is clear about what the interim is for.",
            """
            An interim executive is not a permanent hire who happens to be temporary. The role works best with a narrow brief and a
            known end date.

            ## Good reasons to hire an interim

            - a sudden departure, while the permanent search runs;
            - a turnaround or integration with a fixed end;
            - a new function the company is not yet sure it needs.

            The interim should not be a candidate for the permanent role unless everyone agreed to that at the start.
            """,
            "A bridge over a river in morning light", ArticleStatus.Approved, 3),
        new("Reference checks that tell you something", 2, ["references", "hiring"],
            "Most references say nothing useful. Better questions, asked of the right people, change that.",
            """
            A reference that only confirms dates and titles is a formality. We ask referees about situations instead.

            - "Tell me about a decision of theirs you disagreed with."
            - "What did they change their mind about while you worked together?"
            - "Who would they take with them to their next job?"

            We also ask the candidate which referees would be least enthusiastic, and we call one of them.
            """,
            "A phone on a desk next to a printed list of names", ArticleStatus.InReview, 2),
        new("Thirty industries, one method", 1, ["industries", "firm news"],
            "We recruit executives in thirty industries; what changes from one to the next is the network, not the method.",
            """
            Clients sometimes ask whether a firm can know thirty industries well. We think the question is the wrong way round: each of
            our recruiters knows a few industries deeply, and the firm shares one way of running a search.

            - the same brief template, agreed with the client before any call;
            - the same scorecard for every candidate on a shortlist;
            - the same follow-up at one month, six months and a year.
            """,
            "Rows of coloured folders on a shelf", ArticleStatus.InReview, 2),
        new("Notes on compensation conversations", 2, ["compensation"],
            null,
            """
            Outline, to finish before review:

            - when to ask about current pay, and when not to;
            - equity and deferred bonuses that a candidate would leave behind;
            - how to present an offer so that it is accepted.
            """,
            null, ArticleStatus.Draft, 1),
        new("Working across time zones from Tokyo to London", 1, ["offices", "remote work"],
            "A first draft about how recruiters on opposite sides of the world hand a search over at the end of their day.",
            """
            When our Tokyo office closes, London is just starting its morning. A search that is handed over well keeps moving around the
            clock.

            A draft of the handover notes we use will follow here.
            """,
            null, ArticleStatus.Draft, 0),
    ];
}
