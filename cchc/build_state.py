"""What the setup hook loaded for the current build (data and pages), for the other hooks, and
the generated lists hooks/markers.py hands to hooks/sanitize.py with each page."""
data = None  # cchc.data.SiteData
pages = None  # list[cchc.site.PageRec]
blocks = {}  # id(page) -> cchc.markers.Blocks: lists made as HTML, put into the page before sanitising
