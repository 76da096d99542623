"""What the setup hook loaded for the current build (data and pages), for the other hooks."""
data = None  # cchc.data.SiteData
pages = None  # list[cchc.site.PageRec]
