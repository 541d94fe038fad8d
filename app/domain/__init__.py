"""The Qt-free journey-map model: the truth every other layer mirrors."""
