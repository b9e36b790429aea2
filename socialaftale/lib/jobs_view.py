"""What the one progress partial (templates/jobs/_progress.html) shows of a job, a generated
document or an analysis run: booleans from the job, labels and URLs from the app's view, so
the template holds no status or role literals."""

from dataclasses import dataclass

from django.shortcuts import render

from .jobs import FAILED, Job


@dataclass(frozen=True, kw_only=True)
class JobView:
    dom_id: str
    poll_url: str  # "" once the job has finished: the partial stops polling itself
    is_finished: bool
    is_failed: bool
    progress: int
    progress_step: int  # Job.progress_step: a CSS width class (CSP: no inline style)
    is_waiting_for_queue: bool
    # Running: a bar with a visible label is a <progress> (a <label for> needs a labelable
    # element); without one it is Bootstrap's bar with the status line under it.
    bar_label: str = ""
    status_line: str = ""
    # Done: a sentence, then a link to the result or a download button.
    done_label: str = ""
    result_url: str = ""
    result_label: str = ""
    download_url: str = ""
    download_label: str = ""
    download_title: str = ""
    download_size: int | None = None
    # Failed: a sentence, the retry button (no URL: the user may not), the technical details.
    failed_label: str = ""
    retry_url: str = ""
    retry_label: str = ""
    error_details: str = ""

    @property
    def is_done(self) -> bool:
        return self.is_finished and not self.is_failed


def job_view(job: Job, *, dom_id: str, poll_url: str, **labels) -> JobView:
    """A job's progress as the partial shows it; `labels` are JobView's optional fields."""
    return JobView(
        dom_id=dom_id,
        poll_url="" if job.is_finished else poll_url,
        is_finished=job.is_finished,
        is_failed=job.status == FAILED,
        progress=job.progress,
        progress_step=job.progress_step,
        is_waiting_for_queue=job.is_waiting_for_queue,
        **labels,
    )


def job_progress_response(request, job: JobView, template: str = "jobs/_progress.html", **context):
    """The polled progress of a job: the partial (or a page that includes it) with `job`."""
    return render(request, template, {"job": job, **context})
