"""Domain code of the Bawaslu bulletin: plain functions over plain data.

Nothing here imports Pelican. The plugins next to this package are thin
adapters that call these functions and write what they return.
"""
